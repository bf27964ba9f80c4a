# SPDX-License-Identifier: GPL-2.0
# driftguard tests: the shell helpers every script shares, on the host, in the guest and in the demo.
#
# Sourced by bash scripts: tests/lib.sh in the guest (and through it the
# integration tests and scripts/demo-guest), tests/host/*.sh and
# tests/host/lib/*.sh on the host, scripts/demo. Needs nothing but bash and
# coreutils, and sets nothing but functions and the cleanup stack.
#
# A failed expectation exits 1 with a message saying what was expected and
# what happened. Cleanups are registered with at_exit, never with a trap of
# the script's own: the one EXIT trap is this file's.

# fail MESSAGE...: the script failed; says why on stderr and exits 1. Inside
# a cleanup (see at_exit) it says so and returns 1 instead, so that the
# other cleanups still run, and the script then exits 1.
fail() {
	echo "FAILED: $*" >&2
	if [ "${_dg_in_cleanup:-0}" = 1 ]; then
		_dg_cleanup_failed=1
		return 1
	fi
	exit 1
}

# pass [MESSAGE]: the script passed: prints "ok: MESSAGE" (default: the
# script's name) and exits 0.
# shellcheck disable=SC2120  # the message is optional
pass() {
	echo "ok: ${*:-${0##*/}}"
	exit 0
}

# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}

# expect_match WHAT REGEX TEXT: TEXT matches the extended regular expression
# (as grep -E matches it: some line of TEXT does).
expect_match() {
	matches "$3" "$2" || fail "$1: expected to match /$2/, got: $3"
}

# matches TEXT REGEX: some line of TEXT matches the extended regular
# expression REGEX, as `grep -Eq REGEX` says. A one-line TEXT is matched by
# bash itself (the same POSIX ERE of the C library): under TCG starting grep
# costs about 0.15 s, and the tests match a few hundred times per kernel.
# TEXT of several lines (where ^ and $ anchor at each line for grep, at the
# ends of the whole for bash) and empty TEXT (no line at all for grep) go to
# grep.
matches() {
	case $1 in
	'' | *$'\n'*) printf '%s' "$1" | grep -Eq -- "$2" ;;
	*) [[ $1 =~ $2 ]] ;;
	esac
}

# file_matches FILE REGEX: some line of FILE matches the extended regular
# expression REGEX (grep -Eq REGEX FILE, and false if FILE cannot be read),
# read by bash without starting grep: for the polls of wait_until, which
# look at a log or a record file ten times a second.
file_matches() {
	local _dg_l
	[ -r "$1" ] || return 1
	while IFS= read -r _dg_l || [ -n "$_dg_l" ]; do
		[[ $_dg_l =~ $2 ]] && return 0
	done <"$1"
	return 1
}

# pause SECONDS: sleeps SECONDS (fractions too) without starting a program:
# in the test VM (TCG, programs read over 9p) starting sleep cost more than
# the 0.1 s a poll waits. A read from a pipe that no one writes, opened
# read-write so that it never sees its end, times out.
pause() {
	local _dg_x
	read -rt "$1" _dg_x <> <(:) || true
}

# poll_until SECONDS CMD...: runs CMD (output discarded) every 0.1 s until
# it succeeds (returns 0) or SECONDS*10 tries have failed (returns 1). For a
# wait whose end is no failure; wait_until is the one that fails.
poll_until() {
	# Prefixed locals: bash's scoping is dynamic, and CMD may be a function
	# of the caller's that uses names like n or i.
	local _dg_n=$(($1 * 10)) _dg_i
	shift
	for ((_dg_i = 0; _dg_i < _dg_n; _dg_i++)); do
		"$@" >/dev/null 2>&1 && return 0
		pause 0.1
	done
	return 1
}

# wait_until [--log FILE] SECONDS WHAT CMD...: polls CMD every 0.1 s until
# it succeeds; when it never does, fails naming WHAT it waited for (and
# showing FILE as it is then, e.g. the log of the program that should have
# got there).
wait_until() {
	local _dg_log=""
	if [ "$1" = --log ]; then
		_dg_log=$2
		shift 2
	fi
	local _dg_secs=$1 _dg_what=$2
	shift 2
	poll_until "$_dg_secs" "$@" && return 0
	if [ -n "$_dg_log" ]; then
		fail "waited $_dg_secs s for $_dg_what; $_dg_log: $(cat "$_dg_log" 2>&1)"
	else
		fail "waited $_dg_secs s for $_dg_what"
	fi
}

# --- the at-exit cleanup stack --------------------------------------------------

# at_exit CMD [ARG...]: runs CMD ARGs when the script exits, however it
# exits (pass, fail, set -e, the end of the script). The arguments are taken
# as they are now; CMD, a function or a program, runs in the script's shell,
# so a function sees the variables as they are then. Cleanups run in
# reverse order of registration, each once, with errexit off; one that
# fails (a non-zero status is reported, fail() is allowed) does not stop
# the others. The script's exit status stays its own, or 1 if a cleanup
# called fail. A cleanup must not call exit: that would end the script there.
_dg_at_exit=()
at_exit() {
	[ $# -gt 0 ] || fail "at_exit: no command given"
	_dg_at_exit+=("$(printf '%q ' "$@")")
	trap _dg_run_at_exit EXIT
}

# shellcheck disable=SC2317  # reached through the EXIT trap
_dg_run_at_exit() {
	# Prefixed locals: the cleanups see the caller's variables, not these.
	local _dg_rc=$? _dg_cmd _dg_crc
	set +e
	_dg_in_cleanup=1
	_dg_cleanup_failed=0
	while [ "${#_dg_at_exit[@]}" -gt 0 ]; do
		_dg_cmd=${_dg_at_exit[-1]}
		# Taken off before it runs: each cleanup runs once, whatever it does.
		unset '_dg_at_exit[-1]'
		eval "$_dg_cmd"
		_dg_crc=$?
		[ "$_dg_crc" = 0 ] || echo "cleanup: '${_dg_cmd% }' exited $_dg_crc" >&2
	done
	_dg_in_cleanup=0
	[ "$_dg_rc" != 0 ] || [ "$_dg_cleanup_failed" = 0 ] || _dg_rc=1
	exit "$_dg_rc"
}

# kill_quietly PID...: SIGTERM to each PID still there; never fails (for
# at_exit: the process may have ended already).
kill_quietly() {
	local p
	for p in "$@"; do kill "$p" 2>/dev/null; done
	return 0
}

# kill_at_exit PID...: the processes get SIGTERM when the script exits.
kill_at_exit() {
	at_exit kill_quietly "$@"
}
