#!/bin/bash
# On a JSON log driftguardd wrote (five blocked records), driftctl verify-log
# passes untouched, and after an edit, a deletion or a swap of two records
# it fails (exit 1) naming the record where the chain breaks.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy chain "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
for i in 1 2 3 4 5; do drop "$BIN"/hello /tmp/d$i; done
in_container /bin/sh -c 'for i in 1 2 3 4 5; do /tmp/d$i; done' >/dev/null || true
wait_until 10 "five records" sh -c "[ \$(grep -c '\"record\":\"drift\"' '$C'/events.jsonl) = 5 ]"
dgd_stop
log=$C/events.jsonl
"$DRIFTCTL" verify-log "$log" >/dev/null || fail "the untouched log does not verify"

# check NAME FILE REGEX: verify-log FILE exits 1 with REGEX in its message.
check() {
	local out rc=0
	out=$("$DRIFTCTL" verify-log "$2" 2>&1) || rc=$?
	expect_eq "verify-log exit status after $1" 1 "$rc"
	expect_match "verify-log message after $1" "$3" "$out"
}
sed '3s#"/tmp/d3"#"/tmp/innocent"#' "$log" >"$C"/edited
check "editing record 3" "$C"/edited 'record 3 was edited'
sed '3d' "$log" >"$C"/deleted
check "deleting record 3" "$C"/deleted 'record 2 was edited, or records after it were deleted'
awk 'NR == 2 { held = $0; next } NR == 3 { print; print held; next } { print }' \
	"$log" >"$C"/swapped
check "swapping records 2 and 3" "$C"/swapped 'record 1 was edited, or records after it were deleted or reordered'
pass
