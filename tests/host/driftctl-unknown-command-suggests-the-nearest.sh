#!/bin/bash
# A mistyped command is a usage error (exit 2) whose message names the
# nearest command: "driftctl: unknown command 'stauts'; did you mean
# 'status'?", for subcommands and after `help` too; a word near no command
# gets no guess.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"

check() { # EXPECTED-MESSAGE ARGS...
	local want=$1
	shift
	run "$@"
	expect_eq "driftctl $* exit status" 2 "$RC"
	expect_eq "driftctl $* stdout" "" "$OUT"
	expect_eq "driftctl $* message" "$want" "$(head -n 1 <<<"$ERR")"
}

check "driftctl: unknown command 'stauts'; did you mean 'status'?" stauts
check "driftctl: unknown command 'alert'; did you mean 'alert-only'?" alert on
check "driftctl: unknown command 'verifylog'; did you mean 'verify-log'?" verifylog x.jsonl
check "driftctl: unknown command 'policy lst'; did you mean 'policy list'?" policy lst
check "driftctl: unknown command 'policy delete'; did you mean 'policy del'?" policy delete x
check "driftctl: unknown command 'stauts'; did you mean 'status'?" help stauts
check "driftctl: unknown command 'frobnicate' (driftctl --help lists them)" frobnicate
pass "mistyped commands are answered with the nearest"
