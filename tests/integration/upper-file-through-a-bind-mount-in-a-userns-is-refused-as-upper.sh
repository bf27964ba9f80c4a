#!/bin/bash
# An unprivileged container user (uid 65534, no capabilities) makes a user
# and mount namespace of its own (unshare -Urm), bind-mounts the container's
# root (mount --rbind / /mnt/view) and runs a dropped program through that
# second view (/mnt/view/tmp/dropped). The file is in the rootfs's upper
# layer through any mount: under mode = prevent it is refused with EPERM
# although volume = detect (the shipped Kubernetes policy), and one blocked
# exec event classes it upper.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume detect --mmap prevent
mkdir "$ROOT"/mnt
drop "$BIN"/hello /tmp/dropped
events_start
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run /bin/sh -s <<'SH'
exec busybox unshare -Urm /bin/sh -s <<'USERNS'
busybox mount -t tmpfs tmpfs /mnt && mkdir /mnt/view ||
	{ echo "SETUP-FAILED: mount a tmpfs in a user namespace"; exit 90; }
busybox mount -o rbind / /mnt/view || { echo "SETUP-FAILED: bind-mount the root"; exit 90; }
[ -x /mnt/view/tmp/dropped ] || { echo "SETUP-FAILED: the dropped program is not in the view"; exit 90; }
exec /mnt/view/tmp/dropped
USERNS
SH
) || true
events_stop
expect_refused "the dropped program run through a bind mount of the root" "$out"
expect_eq "blocked upper exec events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"[^"]*dropped"')"
pass
