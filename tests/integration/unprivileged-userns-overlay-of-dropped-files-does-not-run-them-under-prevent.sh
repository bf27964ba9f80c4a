#!/bin/bash
# An unprivileged container user (uid 65534, no capabilities) makes a user
# and mount namespace of its own (unshare -Urm), mounts a read-only overlay
# (no upper layer) whose lower layers are a directory holding a dropped
# program and an empty one, chroots into the overlay and runs the program:
# its inode has no upper layer, but it is not the container's image: under
# mode = memfd = volume = mmap = prevent it is refused with EPERM and one
# blocked exec event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
mkdir "$ROOT"/mnt
drop "$BIN"/hello /tmp/dropped
events_start
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run /bin/sh -s <<'SH'
exec busybox unshare -Urm /bin/sh -s <<'USERNS'
busybox mount -t tmpfs tmpfs /mnt || { echo "SETUP-FAILED: mount a tmpfs in a user namespace"; exit 90; }
mkdir /mnt/lower /mnt/empty /mnt/root && cp /tmp/dropped /mnt/lower/dropped ||
	{ echo "SETUP-FAILED: fill the lower directory"; exit 90; }
busybox mount -t overlay overlay -o lowerdir=/mnt/lower:/mnt/empty /mnt/root ||
	{ echo "SETUP-FAILED: mount a read-only overlay in a user namespace"; exit 90; }
busybox chroot /mnt/root /nonexistent 2>&1 | busybox grep -q 'No such file' ||
	{ echo "SETUP-FAILED: chroot into the overlay"; exit 90; }
exec busybox chroot /mnt/root /dropped
USERNS
SH
) || true
events_stop
expect_refused "the dropped program run from an overlay of dropped files" "$out"
expect_eq "blocked exec events" 1 "$(events_count "$BLOCKED_EXEC")"
pass
