#!/bin/bash
# A list of 65 entries and an entry of 256 bytes are each refused by
# driftctl, before anything is sent, with a usage error naming the limit
# the module keeps too (64 entries, 255 bytes), and the policy in force
# stays. (That the module refuses them itself, with the same limits, is
# kernel-and-userspace-refuse-the-same-list-entries.sh.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --deny apt-get
before=$("$DRIFTCTL" policy get "$CG" --json)

args=()
for i in $(seq 65); do
	args+=(--deny "$(long_pattern deny- "$i")")
done
rc=0
out=$("$DRIFTCTL" policy set "$CG" --mode prevent "${args[@]}" 2>&1) || rc=$?
expect_eq "exit status for 65 entries" 2 "$rc"
expect_match "message for 65 entries" \
	'policy set: --deny: more than 64 entries' "$out"

rc=0
out=$("$DRIFTCTL" policy set "$CG" --mode prevent --deny "x$(long_pattern deny- 1)" 2>&1) || rc=$?
expect_eq "exit status for a 256-byte entry" 2 "$rc"
expect_match "message for a 256-byte entry" \
	'policy set: --deny: .* is longer than 255 bytes' "$out"

expect_eq "policy in force" "$before" "$("$DRIFTCTL" policy get "$CG" --json)"
pass
