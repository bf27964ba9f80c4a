#!/bin/bash
# An image binary that runs after a chown (a copy-up of metadata only) is
# refused under mode prevent once it is given file capabilities the image
# did not give it (setcap through the overlay): it would gain privileges
# at exec like a new set-uid bit.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
setcap cap_net_raw+ep "$ROOT"/bin/hello
expect_denied /bin/hello
pass
