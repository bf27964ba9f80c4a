#!/bin/bash
# A root process of a runc container, with Docker's default capabilities
# (they include SYS_CHROOT), copies a dropped program into the container's
# /dev (the tmpfs the runtime mounts there), chroots into /dev and runs it:
# under mode = memfd = volume = mmap = prevent it is refused with EPERM and
# one blocked exec event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
drop "$BIN"/hello /tmp/dropped
events_start
out=$(RUNC_CAPS=$RUNTIME_DEFAULT_CAPS runc_run /bin/sh -s <<'SH'
cp /tmp/dropped /dev/dropped || { echo "SETUP-FAILED: copy into /dev"; exit 90; }
busybox chroot /dev /nonexistent 2>&1 | busybox grep -q 'No such file' ||
	{ echo "SETUP-FAILED: chroot into /dev"; exit 90; }
exec busybox chroot /dev /dropped
SH
) || true
events_stop
expect_refused "the dropped program run after chroot into /dev" "$out"
expect_eq "blocked exec events" 1 "$(events_count "$BLOCKED_EXEC")"
pass
