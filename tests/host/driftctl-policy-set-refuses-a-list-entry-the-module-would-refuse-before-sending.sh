#!/bin/bash
# driftctl policy set keeps the module's list rules itself (one table,
# lib/policy.c): a 65th entry, a 256-byte entry, an empty one and a
# relative path are usage errors (exit 2) naming the option and the rule,
# refused before driftctl looks for the cgroup or the module. 64 entries of
# 255 bytes pass the options and go on to the cgroup.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"

deny=()
for i in $(seq 65); do
	deny+=(--deny "deny-$i")
done
run policy set no-such-cgroup "${deny[@]}"
expect_eq "65 entries: exit status" 2 "$RC"
expect_eq "65 entries: message" \
	"driftctl: policy set: --deny: more than 64 entries" "$(head -n 1 <<<"$ERR")"

long=$(printf 'x%.0s' $(seq 256))
run policy set no-such-cgroup --watch "$long"
expect_eq "256 bytes: exit status" 2 "$RC"
expect_eq "256 bytes: message" \
	"driftctl: policy set: --watch: '$(printf 'x%.0s' $(seq 32))...' is longer than 255 bytes" \
	"$(head -n 1 <<<"$ERR")"

run policy set no-such-cgroup --allow ""
expect_eq "empty: exit status" 2 "$RC"
expect_eq "empty: message" "driftctl: policy set: --allow: empty pattern" \
	"$(head -n 1 <<<"$ERR")"

run policy set no-such-cgroup --deny bin/sh
expect_eq "relative path: exit status" 2 "$RC"
expect_eq "relative path: message" \
	"driftctl: policy set: --deny: 'bin/sh' has a '/' but is not an absolute path" \
	"$(head -n 1 <<<"$ERR")"

# At the limits: the options pass, the (missing) cgroup is what fails.
deny=()
for i in $(seq 64); do
	deny+=(--deny "$(printf '%03d' "$i")$(printf 'y%.0s' $(seq 252))")
done
run policy set no-such-cgroup "${deny[@]}"
expect_eq "64 entries of 255 bytes: exit status" 1 "$RC"
case $ERR in
*"no-such-cgroup"*) ;;
*) fail "64 entries of 255 bytes: expected the cgroup's error, got: $ERR" ;;
esac
echo "ok: each list rule refused by driftctl, the limits themselves taken"
