#!/bin/bash
# scripts/results-table turns the suite's results of every test kernel into
# one markdown row per scenario and one column per runtime: a scenario that
# passed everywhere says what it shows (refused, runs), a failure names its
# kernel, a test only one kernel ran names that kernel, a runtime without
# that test leaves its cell empty, and tests of no runtime are not listed.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

d=$(mktemp -d)
at_exit rm -rf "$d"
printf 'k-old\nk-new\n' >"$d/kernels.list"
mkdir -p "$d/results/k-old" "$d/results/k-new"
cat >"$d/results/k-old/results.txt" <<'R'
PASS docker-dropped-binary-is-refused
PASS containerd-dropped-binary-is-refused
PASS docker-nginx-answers-without-record
PASS mode-off-blocks-nothing
PASS podman-dropped-binary-is-refused
R
cat >"$d/results/k-new/results.txt" <<'R'
PASS docker-dropped-binary-is-refused
FAIL containerd-dropped-binary-is-refused (exit 1)
PASS docker-nginx-answers-without-record
PASS mode-off-blocks-nothing
R

out=$(DRIFTGUARD_CACHE=$d "$repo/scripts/results-table" "$d/results")
expect_eq "header" "| scenario | docker | containerd | podman |" "$(sed -n 1p <<<"$out")"
expect_eq "refused everywhere, failed on one kernel, run by one kernel" \
	"| dropped-binary-is-refused | refused | FAIL on k-new | refused (on k-old) |" "$(sed -n 3p <<<"$out")"
expect_eq "runs on docker, no containerd or podman test" \
	"| nginx-answers-without-record | runs |  |  |" "$(sed -n 4p <<<"$out")"
printf '%s' "$out" | grep -q mode-off && fail "a test of no runtime is listed: $out"

rm "$d/results/k-new/results.txt"
rc=0
err=$(DRIFTGUARD_CACHE=$d "$repo/scripts/results-table" "$d/results" 2>&1) || rc=$?
expect_eq "exit status without a kernel's results" 1 "$rc"
expect_match "its message" 'k-new/results.txt is missing' "$err"
pass "results-table prints runtime x scenario"
