#!/bin/bash
# After "driftctl lock": a policy can be tightened but not loosened or
# deleted, alert-only cannot be set, and rmmod fails. (Runs last: the lock
# holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode detect --deny apt-get
"$DRIFTCTL" lock
"$DRIFTCTL" status | grep -q 'locked: yes' || fail "status does not show the lock"
policy --mode prevent --deny apt-get --deny curl
out=$("$DRIFTCTL" policy set "$CG" --mode detect --deny apt-get --deny curl 2>&1) &&
	fail "lowering the mode was accepted"
expect_match "loosening message" 'kernel reports: locked: mode cannot be lowered' "$out"
out=$("$DRIFTCTL" policy set "$CG" --mode prevent --deny curl 2>&1) &&
	fail "removing a deny entry was accepted"
expect_match "deny message" 'locked: deny entries cannot be removed' "$out"
out=$("$DRIFTCTL" policy del "$CG" 2>&1) && fail "policy del was accepted"
expect_match "del message" 'locked' "$out"
out=$("$DRIFTCTL" alert-only on 2>&1) && fail "alert-only was accepted"
expect_match "alert-only message" 'locked' "$out"
rmmod driftguard 2>/dev/null && fail "rmmod succeeded"
module_loaded || fail "module is gone"
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
pass
