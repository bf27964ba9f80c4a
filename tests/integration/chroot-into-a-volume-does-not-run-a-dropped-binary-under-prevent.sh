#!/bin/bash
# A root process of a runc container, with Docker's default capabilities
# (they include SYS_CHROOT), copies a dropped program into a bind-mounted
# volume (/data), chroots into the volume and runs it: under
# mode = memfd = volume = mmap = prevent it is refused with EPERM and one
# blocked exec event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
mkdir "$C"/volume
drop "$BIN"/hello /tmp/dropped
events_start
out=$(RUNC_VOLUME="$C/volume:/data" RUNC_CAPS=$RUNTIME_DEFAULT_CAPS runc_run /bin/sh -s <<'SH'
cp /tmp/dropped /data/dropped || { echo "SETUP-FAILED: copy into the volume"; exit 90; }
busybox chroot /data /nonexistent 2>&1 | busybox grep -q 'No such file' ||
	{ echo "SETUP-FAILED: chroot into the volume"; exit 90; }
exec busybox chroot /data /dropped
SH
) || true
events_stop
expect_refused "the dropped program run after chroot into a volume" "$out"
expect_eq "blocked exec events" 1 "$(events_count "$BLOCKED_EXEC")"
pass
