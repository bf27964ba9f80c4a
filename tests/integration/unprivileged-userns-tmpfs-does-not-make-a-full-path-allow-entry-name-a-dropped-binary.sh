#!/bin/bash
# The policy allows /usr/local/bin/agent (a full path in the container's
# rootfs, where no such file exists). An unprivileged container user
# (uid 65534, no capabilities) makes a user and mount namespace of its own
# (unshare -Urm), mounts a tmpfs on /usr/local/bin, copies a dropped
# program there as "agent" and runs /usr/local/bin/agent: the entry does
# not name that file, so under mode = memfd = volume = mmap = prevent it is
# refused with EPERM and one blocked exec event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent \
	--allow /usr/local/bin/agent
mkdir -p "$ROOT"/usr/local/bin
cp "$BIN"/hello "$ROOT"/tmp/agent-dropped
chmod 755 "$ROOT"/tmp/agent-dropped
events_start
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run /bin/sh -s <<'SH'
exec busybox unshare -Urm /bin/sh -s <<'USERNS'
busybox mount -t tmpfs tmpfs /usr/local/bin ||
	{ echo "SETUP-FAILED: mount a tmpfs on /usr/local/bin in a user namespace"; exit 90; }
cp /tmp/agent-dropped /usr/local/bin/agent || { echo "SETUP-FAILED: copy into the tmpfs"; exit 90; }
exec /usr/local/bin/agent
USERNS
SH
) || true
events_stop
expect_refused "the dropped program run as /usr/local/bin/agent" "$out"
expect_eq "blocked exec events" 1 \
	"$(events_count '"action":"blocked","class":"[a-z]+","hook":"exec".*"path":"[^"]*agent"')"
pass
