#!/bin/bash
# After "driftctl lock", neither rmmod nor rmmod -f (Debian's kernels allow
# forced unloading) removes the module: /proc/modules shows it used by
# itself, the kernel log says so, and a dropped binary stays blocked.
# (Runs last: the lock holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
"$DRIFTCTL" lock

rmmod driftguard 2>/dev/null && fail "rmmod succeeded"
rc=0
out=$(rmmod -f driftguard 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "rmmod -f succeeded"
module_loaded || fail "the module is gone after rmmod -f: $out"
expect_match "rmmod -f" 'Resource temporarily unavailable' "$out"
expect_match "/proc/modules" '^driftguard [0-9]+ [0-9]+ driftguard,' \
	"$(grep '^driftguard ' /proc/modules)"
expect_match "kernel log" 'driftguard: locked until reboot .*rmmod -f' "$(dmesg)"

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
pass
