#!/bin/bash
# With alert-only on, a prevent policy blocks nothing, and every decision
# that would have blocked is reported as alerted.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --deny apt-get
drop "$BIN"/hello /tmp/dropped
"$DRIFTCTL" alert-only on
at_exit "$DRIFTCTL" alert-only off
events_start
expect_runs /tmp/dropped >/dev/null
expect_runs /usr/bin/apt-get >/dev/null
events_stop
expect_eq "blocked events" 0 "$(events_count '"action":"blocked"')"
expect_eq "alerted upper events" 1 "$(events_count '"action":"alerted","class":"upper"')"
expect_eq "alerted prohibited events" 1 "$(events_count '"action":"alerted","class":"prohibited"')"
"$DRIFTCTL" status | grep -q 'alert-only: on' || fail "status does not show alert-only"
pass
