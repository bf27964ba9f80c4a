#!/bin/bash
# On an overlay mounted with metacopy=on, an image binary chowned before the
# module was unloaded and loaded again still runs under mode prevent (its
# data is still the image's, read from overlayfs itself), and one written
# before the reload is still refused.
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello /bin/hello-dyn
in_container /bin/sh -c 'cp /bin/hello-dyn /tmp/x && cat /tmp/x >/bin/hello-dyn'
"$DRIFTCTL" policy del "$CG"
rmmod driftguard
insmod "$DG_KO"
policy --mode prevent
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
expect_denied /bin/hello-dyn
pass
