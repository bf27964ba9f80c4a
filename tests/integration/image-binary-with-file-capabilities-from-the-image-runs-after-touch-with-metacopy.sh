#!/bin/bash
# On an overlay mounted with metacopy=on, an image binary to which the
# image itself gave file capabilities (like Debian's ping) still runs under
# mode prevent after a touch: the metadata copy-up copies the image's
# security.capability, which is not a capability given in the container.
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
container_create
container_umount
setcap cap_net_raw+ep "$C"/image/bin/hello
container_mount
policy --mode prevent
in_container /bin/busybox touch /bin/hello
getcap "$ROOT"/bin/hello | grep -q cap_net_raw || fail "the copy-up lost the image's capabilities"
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
