#!/bin/bash
# With max_log_bytes = 6K and log_keep = 3, 30 drift records (~700 bytes
# each: 8 to 10 fit in 6K) rotate the JSON log three times: events.jsonl.1 to .3 exist, .4
# never does, all 30 records are kept, and verify-log over .3 .2 .1 and the
# live file finds one unbroken chain.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "max_log_bytes = 6K" "log_keep = 3"
dgd_policy rotate "cgroup = $(cg_rel)" "mode = detect"
dgd_start
for i in $(seq 30); do drop "$BIN"/hello /tmp/r$i; done
in_container /bin/sh -c 'i=1; while [ $i -le 30 ]; do /tmp/r$i; i=$((i + 1)); done' >/dev/null
wait_until 10 "30 records over all files" sh -c "[ \$(cat '$C'/events.jsonl* | grep -c '\"record\":\"drift\"') = 30 ]"
dgd_stop
[ -f "$C"/events.jsonl.3 ] || fail "no events.jsonl.3 after three rotations"
[ ! -e "$C"/events.jsonl.4 ] || fail "events.jsonl.4 kept beyond log_keep = 3"
for f in "$C"/events.jsonl*; do
	size=$(stat -c %s "$f")
	[ "$size" -lt 8192 ] || fail "$f has $size bytes, more than 6K + one record"
done
"$DRIFTCTL" verify-log "$C"/events.jsonl.3 "$C"/events.jsonl.2 "$C"/events.jsonl.1 \
	"$C"/events.jsonl ||
	fail "the rotated files do not form one chain"
pass
