#!/bin/bash
# The module is unloaded and loaded again while driftguardd runs: driftguardd
# sets its policies again (a dropped binary is blocked again) and writes a
# "loss" record saying the module went away.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy reload "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped

rmmod driftguard
wait_until 10 "driftguardd to notice the unload" grep -q 'the module went away' "$C"/dgd.err
expect_runs /tmp/dropped >/dev/null
insmod "$DG_KO"
wait_until 10 "the policy to come back" sh -c "'$DRIFTCTL' policy get '$CG' | grep -q 'mode prevent'"
expect_denied /tmp/dropped

wait_until 10 "the loss record" grep -q '"record":"loss"' "$C"/events.jsonl
expect_match "loss record" '"record":"loss","lost":[0-9]+,"reason":"the module was unloaded and loaded again' \
	"$(grep '"record":"loss"' "$C"/events.jsonl)"
wait_until 10 "the second blocked record" sh -c "[ \$(grep -c '\"action\":\"blocked\"' '$C'/events.jsonl) -ge 1 ]"
"$DRIFTCTL" verify-log "$C"/events.jsonl >/dev/null || fail "the JSON log's chain is broken"
dgd_stop
pass
