#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The configuration we ship works as its comments say: with every commented
# setting of driftguard.conf and every commented section of policy.d/*.conf
# enabled ("remove the leading '#' of every line that has no blank after
# it"), `driftguardd --check-config --strict` accepts it with no warning, and
# the example's policy is among the effective ones.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || fail "$bin is not built (make userspace)"

mkdir -p "$tmp/etc/policy.d"
enable() { sed 's/^#\([^ ]\)/\1/' "$1" >"$2"; }
enable "$repo/etc/driftguard.conf" "$tmp/etc/driftguard.conf"
for f in "$repo"/etc/policy.d/*.conf; do
	enable "$f" "$tmp/etc/policy.d/${f##*/}"
done
grep -q '^\[policy prevent\]' "$tmp/etc/policy.d/example.conf" ||
	fail "enabling example.conf as it says gives no [policy prevent] section"

if ! out=$("$bin" --config-dir "$tmp/etc" --check-config --strict 2>&1); then
	echo "$out" | sed 's/^/  /' >&2
	fail "the shipped configuration with its examples enabled does not pass --check-config --strict"
fi
grep -q '^\[policy prevent\]$' <<<"$out" || fail "the example's policy is not in the effective configuration"
n=$(grep -c '^\[policy ' <<<"$out")
want=$(cat "$tmp"/etc/policy.d/*.conf | grep -c '^\[policy ')
[ "$n" = "$want" ] || fail "$n effective policies, the files have $want"
pass "every shipped example enabled passes --check-config --strict ($n policies)"
