#!/bin/bash
# `driftctl events` (text) starts each line with the time of the decision,
# RFC 3339 with nanoseconds and the UTC offset: the same instant as the
# event's "time" (epoch ns) that `driftctl events --json` prints.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped

"$DRIFTCTL" events >"$C"/events.txt 2>"$C"/events-text.err &
KILL_AT_EXIT=$!
wait_until 10 "driftctl events to follow ($(cat "$C"/events-text.err))" \
	grep -q following "$C"/events-text.err
events_start
expect_denied /tmp/dropped
events_stop
kill "$KILL_AT_EXIT"
wait "$KILL_AT_EXIT" || fail "driftctl events exited $? on SIGTERM"

line=$(grep -m 1 'blocked upper exec .*path=/tmp/dropped' "$C"/events.txt) ||
	fail "no text line for the blocked exec: $(cat "$C"/events.txt)"
stamp=${line%% *}
expect_match "the line's first field" \
	'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9}[+-][0-9]{2}:[0-9]{2}$' "$stamp"
json_time=$(grep -m 1 '"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/dropped"' \
	"$C"/events.json | grep -o '"time":[0-9]*' | cut -d: -f2)
expect_eq "the instant of the text line (ns)" "$json_time" "$(date -d "$stamp" +%s%N)"
pass
