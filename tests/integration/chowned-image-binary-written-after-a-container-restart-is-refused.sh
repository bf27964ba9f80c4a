#!/bin/bash
# A chowned image binary that ran, then is written with its own bytes
# (no truncation) through the overlay mounted again after a container
# restart, is refused under mode prevent.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
container_umount
container_mount
in_container /bin/sh -c 'cp /bin/hello /tmp/hello.tmp &&
	/bin/busybox dd if=/tmp/hello.tmp of=/bin/hello conv=notrunc'
cmp "$C"/image/bin/hello "$ROOT"/bin/hello || fail "the bytes changed"
expect_denied /bin/hello
pass
