#!/bin/bash
# With stdout = yes, driftguardd writes every record to stdout as one JSON
# line (what kubectl logs, Fluent Bit and Vector read from a DaemonSet's
# container), the same records as the JSON log, and the stdout capture is a
# hash chain of its own that driftctl verify-log checks: it starts at 64
# zeros and holds nothing but records.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

dgd_config "stdout = yes" "throttle_window = 0"
dgd_policy out "cgroup = $(cg_rel)" "mode = prevent"
dgd_start

drop "$BIN"/hello /tmp/dropped
drop "$BIN"/hello /tmp/other
expect_denied /tmp/dropped
expect_denied /tmp/other
wait_until 10 "both records on stdout" sh -c "grep -c '\"record\":\"drift\"' '$C'/dgd.out | grep -qx 2"
dgd_stop

# The same records, by their uuid, as the JSON log.
ids() { grep -o '"uuid":"[^"]*"' "$1" | sort; }
expect_eq "the records on stdout are the JSON log's" "$(ids "$C"/events.jsonl)" "$(ids "$C"/dgd.out)"
expect_eq "stdout holds records only" 0 "$(grep -vc '^{.*"record":"drift".*"prev":"[0-9a-f]\{64\}"}$' "$C"/dgd.out || true)"
out=$("$DRIFTCTL" verify-log --json "$C"/dgd.out) || fail "verify-log on the stdout capture: $out"
expect_match "verify-log: intact, 2 records" '"records":2,"intact":true' "$out"
expect_match "the chain starts at 64 zeros" '"first_prev":"0{64}"' "$out"
# An edit shows: the first record's path changed.
sed -i '1s|/tmp/dropped|/tmp/droppeX|' "$C"/dgd.out
if "$DRIFTCTL" verify-log "$C"/dgd.out >/dev/null 2>&1; then
	fail "verify-log passed an edited stdout capture"
fi
pass
