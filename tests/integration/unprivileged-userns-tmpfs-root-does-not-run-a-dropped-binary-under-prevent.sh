#!/bin/bash
# An unprivileged container user (uid 65534, no capabilities) makes a user
# and mount namespace of its own (unshare -Urm), mounts a tmpfs, copies a
# dropped program there, chroots into the tmpfs and runs it: under
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
cp /tmp/dropped /mnt/dropped || { echo "SETUP-FAILED: copy into the tmpfs"; exit 90; }
busybox chroot /mnt /nonexistent 2>&1 | busybox grep -q 'No such file' ||
	{ echo "SETUP-FAILED: chroot into the tmpfs"; exit 90; }
exec busybox chroot /mnt /dropped
USERNS
SH
) || true
events_stop
expect_refused "the dropped program run from a tmpfs root in a user namespace" "$out"
expect_eq "blocked exec events" 1 "$(events_count "$BLOCKED_EXEC")"
pass
