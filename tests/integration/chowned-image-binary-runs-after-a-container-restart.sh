#!/bin/bash
# A chowned image binary still runs under mode prevent after the container
# is stopped and started again on the same upper layer (overlay unmounted
# and mounted again), and one written before the restart is still refused.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello /bin/hello-dyn
in_container /bin/sh -c 'echo >>/bin/hello-dyn'
container_umount
container_mount
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
expect_denied /bin/hello-dyn
pass
