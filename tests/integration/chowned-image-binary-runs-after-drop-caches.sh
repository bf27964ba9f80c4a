#!/bin/bash
# A chowned image binary still runs under mode prevent after the dentry and
# inode caches were dropped (its overlay inode freed and made again), and
# one written before is still refused.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello /bin/hello-dyn
in_container /bin/sh -c 'echo >>/bin/hello-dyn'
sync
echo 3 >/proc/sys/vm/drop_caches
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
expect_denied /bin/hello-dyn
pass
