#!/bin/bash
# `driftctl verify-log` on a file its caller may not read exits 4, the
# "permission denied" status of the README and driftctl(8), names the file,
# and with --json prints {"error", "exit": 4}: unreadable is not "tampered"
# (1), even when another file given with it is.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"
[ "$(id -u)" = 0 ] || fail "must run as root (it runs driftctl as nobody)"

chmod 755 "$TMP"
printf '{"record":"drift","prev":"%064d"}\n' 0 >"$TMP/events.jsonl"
echo 'not a record' >"$TMP/garbled.jsonl"
chmod 644 "$TMP/garbled.jsonl"
chmod 600 "$TMP/events.jsonl"
as_nobody() {
	RC=0
	setpriv --reuid=65534 --regid=65534 --clear-groups "$DRIFTCTL" "$@" \
		>"$TMP/out" 2>"$TMP/err" </dev/null || RC=$?
	# shellcheck disable=SC2034 # json_check reads it
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

as_nobody verify-log "$TMP/events.jsonl"
expect_eq "verify-log of an unreadable file: exit status" 4 "$RC"
expect_eq "message" "driftctl: $TMP/events.jsonl: Permission denied" "$ERR"

as_nobody verify-log "$TMP/garbled.jsonl" "$TMP/events.jsonl"
expect_eq "verify-log of a garbled and an unreadable file: exit status" 4 "$RC"

as_nobody verify-log --json "$TMP/events.jsonl"
expect_eq "verify-log --json of an unreadable file: exit status" 4 "$RC"
json_check "d == {'error': '$TMP/events.jsonl: Permission denied', 'exit': 4}" ||
	fail "verify-log --json: not the error document"
pass "an unreadable log exits 4"
