#!/bin/bash
# After "driftctl lock", a policy under files prevent may drop writable
# prefixes but not add one, nor remove a config prefix; files cannot be
# lowered from prevent. (Runs last: the lock holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent --writable /tmp --writable /data
"$DRIFTCTL" lock
policy --files prevent --writable /tmp
out=$("$DRIFTCTL" policy set "$CG" --files prevent --writable /tmp --writable /srv 2>&1) &&
	fail "adding a writable prefix was accepted"
expect_match "writable message" 'kernel reports: locked: writable entries cannot be added' "$out"
out=$("$DRIFTCTL" policy set "$CG" --files prevent --writable /tmp --config '' 2>&1) &&
	fail "removing a config prefix was accepted"
expect_match "config message" 'locked: config entries cannot be removed' "$out"
out=$("$DRIFTCTL" policy set "$CG" --files detect --writable /tmp 2>&1) &&
	fail "lowering files was accepted"
expect_match "files message" 'locked: files cannot be lowered' "$out"
expect_denied /bin/sh -c 'echo x >/data/x'
pass
