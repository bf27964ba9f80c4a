#!/bin/bash
# `driftctl events` (text) starts each line with the time of the decision,
# RFC 3339 in UTC with nanoseconds: the same instant as the event's
# "time_ns" (epoch ns) that `driftctl events --json` prints.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped

"$DRIFTCTL" events >"$C"/events.txt 2>"$C"/events-text.err &
text_pid=$!
kill_at_exit "$text_pid"
wait_until --log "$C"/events-text.err 10 "driftctl events to follow" \
	grep -q following "$C"/events-text.err
events_start
expect_denied /tmp/dropped
events_stop
kill "$text_pid"
wait "$text_pid" || fail "driftctl events exited $? on SIGTERM"

line=$(grep -m 1 'blocked upper exec .*path=/tmp/dropped' "$C"/events.txt) ||
	fail "no text line for the blocked exec: $(cat "$C"/events.txt)"
stamp=${line%% *}
expect_match "the line's first field" \
	'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9}Z$' "$stamp"
json_time=$(grep '"action":"blocked"' "$C"/events.json | grep '"path":"/tmp/dropped"' |
	grep -m 1 '"hook":"exec"' | grep -o '"time_ns":[0-9]*' | cut -d: -f2)
expect_eq "the instant of the text line (ns)" "$json_time" "$(date -d "$stamp" +%s%N)"
pass
