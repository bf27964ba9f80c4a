#!/bin/bash
# "response_on = alerted" asks for the response on alerts too: under
# "mode = detect" the drifted program runs, and then the container is killed.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy strict-detect "cgroup = $(cg_rel)" "mode = detect" "response = kill" \
	"response_on = alerted"
dgd_start
drop "$BIN"/hello /tmp/dropped
rc=0
in_container /bin/sh -c '/tmp/dropped; exec /bin/sleep 600' >/dev/null || rc=$?
expect_eq "exit status of the container's shell (SIGKILL)" 137 "$rc"
wait_until 10 "the response record" grep -q '"record":"response"' "$C"/events.jsonl
expect_match "response record" '"record":"response","response":"kill".*"result":"ok"' \
	"$(grep '"record":"response"' "$C"/events.jsonl)"
dgd_stop
pass
