#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# For every command, `driftctl help CMD` and `driftctl CMD --help` print the
# same help, that command's own (its usage line first), on stdout, and exit
# 0; `driftctl --help` lists the command; every option the help names is in
# driftctl(8). `driftctl policy` alone lists the policy subcommands.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"

run --help
expect_eq "driftctl --help exit status" 0 "$RC"
overview=$OUT
man=$(sed 's/\\-/-/g' "$REPO/man/driftctl.8")
n=0
while read -r cmd; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # "policy set" is two words
	run help $cmd
	expect_eq "driftctl help $cmd: exit status" 0 "$RC"
	expect_eq "driftctl help $cmd: stderr" "" "$ERR"
	help=$OUT
	case $help in
	"usage: driftctl $cmd "* | "usage: driftctl $cmd") ;;
	*) fail "driftctl help $cmd does not start with its usage: $(head -n 1 <<<"$help")" ;;
	esac
	# shellcheck disable=SC2086
	run $cmd --help
	expect_eq "driftctl $cmd --help: exit status" 0 "$RC"
	[ "$OUT" = "$help" ] || fail "driftctl $cmd --help differs from driftctl help $cmd"
	# shellcheck disable=SC2086
	run $cmd -h
	[ "$RC" = 0 ] && [ "$OUT" = "$help" ] || fail "driftctl $cmd -h differs from driftctl help $cmd"
	grep -q "^  driftctl $cmd\( \|\$\)" <<<"$overview" ||
		fail "driftctl --help does not list '$cmd'"
	grep -qF "driftctl $cmd" <<<"$man" || fail "driftctl(8) has no synopsis for '$cmd'"
	for opt in $(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
		grep -qF -- "$opt" <<<"$man" || fail "driftctl(8) does not name $opt of '$cmd'"
	done
done < <(commands)
[ "$n" -ge 10 ] || fail "driftctl help --json lists $n commands, expected 10 or more"

run policy
expect_eq "driftctl policy: exit status" 0 "$RC"
for sub in set get list del; do
	grep -q "^  driftctl policy $sub " <<<"$OUT" || fail "driftctl policy does not list '$sub': $OUT"
done
pass "$n commands print their own help"
