#!/bin/bash
# A list of 65 entries and an entry of 256 bytes are each refused by the
# kernel with a message naming the limit, and the policy in force stays.
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
expect_eq "exit status for 65 entries" 1 "$rc"
expect_match "message for 65 entries" \
	'kernel reports: too many entries in the list \(at most 64\)' "$out"

rc=0
out=$("$DRIFTCTL" policy set "$CG" --mode prevent --deny "x$(long_pattern deny- 1)" 2>&1) || rc=$?
expect_eq "exit status for a 256-byte entry" 1 "$rc"
expect_match "message for a 256-byte entry" \
	'kernel reports: pattern longer than 255 bytes' "$out"

expect_eq "policy in force" "$before" "$("$DRIFTCTL" policy get "$CG" --json)"
pass
