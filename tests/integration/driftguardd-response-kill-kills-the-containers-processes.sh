#!/bin/bash
# With "response = kill", a blocked drifted exec makes driftguardd write
# cgroup.kill: the container's process that goes on after the refused exec
# dies by SIGKILL, the cgroup empties, and a "response" record says so.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy killer "cgroup = $(cg_rel)" "mode = prevent" "response = kill"
dgd_start
drop "$BIN"/hello /tmp/dropped
rc=0
in_container /bin/sh -c '/tmp/dropped; exec /bin/sleep 600' >/dev/null || rc=$?
expect_eq "exit status of the container's shell (SIGKILL)" 137 "$rc"
wait_until 10 "the container's cgroup to empty" sh -c "[ -z \"\$(cat '$CG'/cgroup.procs)\" ]"
wait_until 10 "the response record" grep -q '"record":"response"' "$C"/events.jsonl
expect_match "response record" \
	"\"record\":\"response\",\"response\":\"kill\",\"target\":\"$CG\",\"path\":\"/tmp/dropped\".*\"policy\":\"killer\".*\"result\":\"ok\"" \
	"$(grep '"record":"response"' "$C"/events.jsonl)"
dgd_stop
pass
