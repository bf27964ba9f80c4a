#!/bin/bash
# With "response = stop", driftguardd sends SIGTERM to the container's
# processes and, 10 s later, writes cgroup.kill: a process that ignores
# SIGTERM survives the first and dies by the second; both are recorded. A
# second stop of the same container later goes the same way.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy stopper "cgroup = $(cg_rel)" "mode = prevent" "response = stop"
dgd_start
drop "$BIN"/hello /tmp/dropped
in_container /bin/sh -c 'trap "" TERM; /tmp/dropped; while :; do sleep 1; done' >/dev/null 2>&1 &
kill_at_exit $!
wait_until 10 "the stop record" grep -q '"response":"stop"' "$C"/events.jsonl
expect_match "stop record" '"response":"stop",.*"result":"ok","signalled":[1-9]|"signalled":[1-9].*"result":"ok"' \
	"$(grep '"response":"stop"' "$C"/events.jsonl)"
sleep 3
[ -n "$(cat "$CG"/cgroup.procs)" ] || fail "the shell that ignores SIGTERM died before the grace ended"
wait_until 20 "the kill after the grace" grep -q '"response":"stop-kill"' "$C"/events.jsonl
wait_until 10 "the container's cgroup to empty" sh -c "[ -z \"\$(cat '$CG'/cgroup.procs)\" ]"

# Again: the first stop's slot is reused.
in_container /bin/sh -c 'trap "" TERM; /tmp/dropped; while :; do sleep 1; done' >/dev/null 2>&1 &
kill_at_exit $!
wait_until 20 "the second kill after the grace" sh -c \
	"[ \$(grep -c '\"response\":\"stop-kill\"' '$C'/events.jsonl) = 2 ]"
wait_until 10 "the container's cgroup to empty again" sh -c "[ -z \"\$(cat '$CG'/cgroup.procs)\" ]"
dgd_stop
pass
