#!/bin/bash
# An image binary that runs after a chown (a copy-up of metadata only) is
# refused under mode prevent once it is given file capabilities the image
# did not give it (setcap through the overlay): it would gain privileges
# at exec like a new set-uid bit.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello >/dev/null
setcap cap_net_raw+ep "$ROOT"/bin/hello
expect_denied /bin/hello
pass
