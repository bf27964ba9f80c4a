#!/bin/bash
# With metrics_listen set, driftguardd's /metrics counts one blocked exec
# exactly once: the module's blocked counter of class upper (read over
# netlink as driftctl status reads it) and the records driftguardd wrote of
# kind drift, action blocked, class upper each move by exactly one.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "metrics_listen = $DGD_METRICS"
dgd_policy strict "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
# changed SAMPLE VALUE: /metrics shows SAMPLE with another value.
changed() { [ "$(metric "$1")" != "$2" ]; }
blocked='driftguard_module_blocked_total{class="upper"}'
records='driftguard_records_total{kind="drift",action="blocked",class="upper"}'
# The module's counters come with the daemon's first status request.
wait_until --log "$C"/dgd.err 10 "the module's counters on /metrics" \
	changed "$blocked" ""
before=$(metric "$blocked")
expect_eq "records of a blocked upper exec before it" "" "$(metric "$records")"

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
wait_until 10 "the blocked record" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl
wait_until 10 "the record counted on /metrics" changed "$records" ""
wait_until 10 "the module's counter to move" changed "$blocked" "$before"
expect_eq "records of kind drift, action blocked, class upper" 1 "$(metric "$records")"
expect_eq "the module's blocked counter of class upper" $((before + 1)) "$(metric "$blocked")"
dgd_stop
pass
