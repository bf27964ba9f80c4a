#!/bin/bash
# With "response = pause", a blocked drifted exec makes driftguardd write
# cgroup.freeze: the container's cgroup reports frozen with its processes
# still there, and a "response" record says so.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy pauser "cgroup = $(cg_rel)" "mode = prevent" "response = pause"
dgd_start
drop "$BIN"/hello /tmp/dropped
in_container /bin/sh -c '/tmp/dropped; exec /bin/sleep 600' >/dev/null 2>&1 &
kill_at_exit $!
wait_until 10 "the cgroup to be frozen" grep -qx 'frozen 1' "$CG"/cgroup.events
expect_eq "processes left in the frozen cgroup" 1 "$(wc -l <"$CG"/cgroup.procs)"
wait_until 10 "the response record" grep -q '"record":"response"' "$C"/events.jsonl
expect_match "response record" \
	"\"record\":\"response\",\"response\":\"pause\",\"target\":\"$CG\".*\"result\":\"ok\"" \
	"$(grep '"record":"response"' "$C"/events.jsonl)"
dgd_stop
echo 1 >"$CG"/cgroup.kill
echo 0 >"$CG"/cgroup.freeze
pass
