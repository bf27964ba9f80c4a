#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# tests/lib/common.sh, the shell library every test sources, keeps its
# promises: at_exit cleanups run when the script exits, however it exits,
# last registered first, each exactly once (not again in a subshell), with
# the arguments they were given; a cleanup that fails, or calls fail, does
# not stop the others; the script's exit status stays its own (1 if a
# cleanup called fail); and wait_until, when what it waits for never comes,
# fails naming it (and shows the log it was given).
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"

tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

# script NAME BODY: a bash script sourcing the library, then BODY.
# run NAME: runs it; its stdout in $OUT, stderr in $ERR, status in $RC.
script() {
	printf '#!/bin/bash\nset -eu\n. %q\n%s\n' "$repo/tests/lib/common.sh" "$2" >"$tmp/$1.sh"
}
run() {
	RC=0
	bash "$tmp/$1.sh" >"$tmp/$1.out" 2>"$tmp/$1.err" </dev/null || RC=$?
	OUT=$(cat "$tmp/$1.out")
	ERR=$(cat "$tmp/$1.err")
}
nl=$'\n'

# Reverse order, each once, arguments as given, and not in subshells.
script order '
x="a b"
at_exit echo first
at_exit echo "$x"
at_exit printf "%s|\n" "*" "$x"
x=changed
out=$(echo inner; exit 0)
( exit 0 )
echo body
pass'
run order
expect_eq "exit status of a passing script" 0 "$RC"
expect_eq "output: the body, then the cleanups, last first, each once" \
	"body${nl}ok: order.sh${nl}*|${nl}a b|${nl}a b${nl}first" "$OUT"
expect_eq "stderr" "" "$ERR"

# A failing cleanup does not stop the others; fail in one makes the status 1.
script failing '
at_exit echo first
at_exit fail "the second cleanup broke"
at_exit false
at_exit echo fourth
echo body'
run failing
expect_eq "exit status when a cleanup called fail" 1 "$RC"
expect_eq "every cleanup ran, last first" "body${nl}fourth${nl}first" "$OUT"
expect_match "the failing command is reported" "cleanup: 'false' exited 1" "$ERR"
expect_match "fail in a cleanup says why" 'FAILED: the second cleanup broke' "$ERR"

# The cleanups run on any exit, and the script's own status stays.
script errexit '
at_exit echo cleaned
false
echo not reached'
run errexit
expect_eq "exit status under set -e" 1 "$RC"
expect_eq "cleanup after a set -e exit" "cleaned" "$OUT"

script status '
at_exit false
at_exit echo cleaned
exit 3'
run status
expect_eq "exit status kept through cleanups (one failing)" 3 "$RC"
expect_eq "cleanup after exit 3" "cleaned" "$OUT"

script failed '
at_exit echo cleaned
fail "the body broke"'
run failed
expect_eq "exit status after fail" 1 "$RC"
expect_eq "cleanup after fail" "cleaned" "$OUT"
expect_eq "fail's message" "FAILED: the body broke" "$ERR"

# wait_until: returns once its command succeeds; fails naming what it awaited.
script waits '
n=0
third() { n=$((n + 1)); [ "$n" -ge 3 ]; }
wait_until 5 "the third try" third
echo "tries: $n"
echo "not yet" >"$0.log"
wait_until --log "$0.log" 1 "the flag file" test -e "$0.flag"
echo not reached'
run waits
expect_eq "exit status of a wait that never ends" 1 "$RC"
expect_eq "the wait that ends returns when its command succeeds" "tries: 3" "$OUT"
expect_eq "the message names what was awaited, and the log" \
	"FAILED: waited 1 s for the flag file; $tmp/waits.sh.log: not yet" "$ERR"

pass
