#!/bin/bash
# When metrics_listen's port is taken, driftguardd says so in its log, keeps
# running and recording (a blocked exec still gets its record), and serves
# /metrics once the port is free (it tries again every 30 s).
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
python3 -c '
import socket, sys, time
s = socket.socket()
# As driftguardd does: a connection of an earlier test in TIME_WAIT does not
# keep the port.
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 9464))
s.listen()
open(sys.argv[1], "w").close()
time.sleep(600)' "$C"/taken &
taker=$!
kill_at_exit "$taker"
wait_until 10 "the port to be taken" test -e "$C"/taken

dgd_config "metrics_listen = $DGD_METRICS"
dgd_policy strict "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
wait_until --log "$C"/dgd.err 10 "the log line" grep -q \
	"metrics_listen $DGD_METRICS: cannot listen: Address already in use: no metrics or health endpoint until it can (trying again every 30 s)" \
	"$C"/dgd.err

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
wait_until 10 "the blocked record" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl
kill -0 "$DGD_PID" || fail "driftguardd exited: $(cat "$C"/dgd.err)"

kill "$taker"
wait "$taker" 2>/dev/null || true
wait_until --log "$C"/dgd.err 40 "/metrics once the port is free" \
	grep -q "metrics on http://$DGD_METRICS/metrics" "$C"/dgd.err
expect_eq "blocked records counted on /metrics" 1 \
	"$(metric 'driftguard_records_total{kind="drift",action="blocked",class="upper"}')"
dgd_stop
pass
