#!/bin/bash
# Under capture = yes, a burst of drift in one container (500 blocked execs
# of one dropped binary, then 5 other dropped binaries) makes one capture
# file in the throttle window, named by the first record only; every other
# distinct drift still gets its record while the capture is taken.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "capture_dir = $C/captures" "throttle_window = 300"
dgd_policy capture "cgroup = $(cg_rel)" "mode = prevent" "capture = yes"
dgd_start
drop "$BIN"/hello /tmp/dropped
for i in 1 2 3 4 5; do drop "$BIN"/hello /tmp/other$i; done
out=$(in_container /bin/exec-storm /tmp/dropped 500)
expect_eq "exec-storm outcome" "ran=0 denied=500 other=0" "$out"
for i in 1 2 3 4 5; do in_container /tmp/other$i >/dev/null 2>&1 || true; done
wait_until 20 "the records of the 5 others" sh -c \
	"[ \$(grep -c '\"path\":\"/tmp/other[1-5]\"' '$C'/events.jsonl) = 5 ]"
wait_until 30 "a capture file" sh -c "ls '$C'/captures/*.json >/dev/null 2>&1"
dgd_stop
expect_eq "capture files" 1 "$(find "$C"/captures -name '*.json' | wc -l)"
expect_eq "records naming a capture" 1 "$(records '"capture":')"
expect_eq "the first record names it" "$(find "$C"/captures -name '*.json')" \
	"$(grep '"path":"/tmp/dropped"' "$C"/events.jsonl | grep '"record":"drift"' | jq -r .capture)"
pass
