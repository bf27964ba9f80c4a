#!/bin/bash
# After "driftctl lock" the network keys are tighten-only too: listen cannot
# be lowered, a connect_allow entry cannot be added and loopback cannot be
# exempted again; a tighter policy is still taken. (Runs last: the lock
# holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow tcp:80 --connect detect \
	--connect-allow 10.0.0.0/8 --loopback no
"$DRIFTCTL" lock
out=$("$DRIFTCTL" policy set "$CG" --listen detect --listen-allow tcp:80 \
	--connect detect --connect-allow 10.0.0.0/8 --loopback no 2>&1) &&
	fail "lowering listen was accepted"
expect_match "listen message" 'kernel reports: locked: listen cannot be lowered' "$out"
out=$("$DRIFTCTL" policy set "$CG" --listen prevent --listen-allow tcp:80 \
	--connect detect --connect-allow 10.0.0.0/8 --connect-allow 0.0.0.0/0 \
	--loopback no 2>&1) && fail "adding a connect_allow entry was accepted"
expect_match "connect_allow message" 'locked: connect_allow entries cannot be added' "$out"
out=$("$DRIFTCTL" policy set "$CG" --listen prevent --listen-allow tcp:80 \
	--connect detect --connect-allow 10.0.0.0/8 2>&1) &&
	fail "exempting loopback again was accepted"
expect_match "loopback message" 'locked: loopback cannot be exempted again' "$out"
policy --listen prevent --connect prevent --connect-allow 10.0.0.0/8 --loopback no
out=$(in_container /bin/netprobe listen tcp 0.0.0.0 80) &&
	fail "a listen allowed only before the tightening was allowed: $out"
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
pass
