#!/bin/bash
# A process holding CAP_NET_ADMIN and no other capability (a hostNetwork pod
# of a CNI or VPN agent) is refused every command that changes enforcement,
# each with exit 4 and the kernel's message naming the capabilities needed,
# and cannot follow events; nothing changes.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
before=$("$DRIFTCTL" policy list)

# refused CMD...: driftctl CMD with only CAP_NET_ADMIN exits 4 and says why.
refused() {
	local out rc=0
	out=$(with_caps net_admin "$DRIFTCTL" "$@" 2>&1) || rc=$?
	expect_eq "exit status of 'driftctl $*'" 4 "$rc"
	expect_match "message of 'driftctl $*'" \
		'kernel reports: permission denied: needs CAP_MAC_ADMIN or CAP_SYS_ADMIN' "$out"
}
refused policy set "$CG" --mode off
refused policy del "$CG"
refused alert-only on
refused lock

rc=0
out=$(with_caps net_admin "$DRIFTCTL" events 2>&1) || rc=$?
expect_eq "exit status of 'driftctl events'" 4 "$rc"
expect_match "message of 'driftctl events'" 'permission denied \(needs CAP_SYS_ADMIN\)' "$out"

expect_eq "policies" "$before" "$("$DRIFTCTL" policy list)"
status=$("$DRIFTCTL" status)
expect_match "alert-only" 'alert-only: off' "$status"
expect_match "lock" 'locked: no' "$status"
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
pass
