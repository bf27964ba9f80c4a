#!/bin/bash
# On an overlay mounted with metacopy=on, an image binary that runs after a
# chown is refused under mode prevent once it is given file capabilities
# the image did not give it (setcap through the overlay): its data is
# still the image's, its privileges are not.
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
chowned_image_binary_runs
setcap cap_net_raw+ep "$ROOT"/bin/hello
expect_denied /bin/hello
pass
