#!/bin/bash
# 10,000 blocked execs of one dropped binary in a burst: the JSON log has one
# record for it and, when driftguardd stops, a summary whose count is exactly
# 10,000; no event is lost; the 20 distinct drifted binaries another container
# runs meanwhile each have their record; driftguardd's memory stays bounded.
# Its weight is driftguardd's throttling and counting (two minutes of
# TCG), the same code whichever kernel runs it: one kernel.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
N=10000
container_create
A_ROOT=$ROOT A_CG=$CG
dgd_config "throttle_window = 300"
dgd_policy burst "cgroup = $(cg_rel)" "mode = prevent"
# The second container: its own overlay, cgroup and policy file.
A_C=$C
container_create
B_C=$C B_ROOT=$ROOT B_CG=$CG
C=$A_C ROOT=$A_ROOT CG=$A_CG
dgd_policy other "cgroup = ${B_CG#/sys/fs/cgroup/}" "mode = prevent"
dgd_start
rss() { awk '/^VmRSS/ { print $2 }' /proc/"$DGD_PID"/status; }
rss_start=$(rss)

drop "$BIN"/hello /tmp/dropped
for i in $(seq 20); do cp "$BIN"/hello "$B_ROOT"/tmp/b$i; chmod 755 "$B_ROOT"/tmp/b$i; done
(
	C=$B_C ROOT=$B_ROOT CG=$B_CG
	for i in $(seq 20); do in_container /tmp/b$i >/dev/null || true; sleep 0.2; done
) &
other=$!
out=$(in_container /bin/exec-storm /tmp/dropped $N)
wait "$other"
expect_eq "exec-storm outcome" "ran=0 denied=$N other=0" "$out"
rss_end=$(rss)
echo "driftguardd RSS: ${rss_start} kB before, ${rss_end} kB after $N events"

# Stopping closes the open windows: the summary is written then.
sleep 2
dgd_stop
expect_eq "records written for /tmp/dropped" 1 \
	"$(records '"path":"/tmp/dropped".*"record":"drift"')"
summary=$(grep '"record":"summary"' "$C"/events.jsonl | grep '"path":"/tmp/dropped"' || true)
expect_match "summary of the burst" "\"count\":$N,\"suppressed\":$((N - 1))" "$summary"
expect_eq "loss records" 0 "$(records '"record":"loss"')"
for i in $(seq 20); do
	expect_eq "record of the other container's /tmp/b$i" 1 \
		"$(records "\"path\":\"/tmp/b$i\".*\"record\":\"drift\"")"
done
"$DRIFTCTL" verify-log "$C"/events.jsonl >/dev/null || fail "the JSON log's chain is broken"
[ "$rss_end" -lt $((rss_start + 8192)) ] ||
	fail "driftguardd's RSS grew from $rss_start kB to $rss_end kB over $N events"
pass
