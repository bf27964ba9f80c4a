#!/bin/bash
# Under capture = yes with capture_dir on a full file system, a blocked
# drifted exec is still recorded: the record says why there is no capture
# (capture_error, no capture field) and driftguardd logs it once.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir "$C"/full
mount -t tmpfs -o size=256k tmpfs "$C"/full
at_exit umount "$C"/full
dd if=/dev/zero of="$C"/full/filler bs=4k 2>/dev/null || true
dgd_config "capture_dir = $C/full/captures"
dgd_policy capture "cgroup = $(cg_rel)" "mode = prevent" "capture = yes"
dgd_start
drop "$BIN"/hello /tmp/dropped
in_container /tmp/dropped >/dev/null 2>&1 || true
wait_until 30 "the record" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
rec=$(grep '"path":"/tmp/dropped"' "$C"/events.jsonl)
expect_eq "the record's action" blocked "$(jq -r .action <<<"$rec")"
expect_eq "no capture field" null "$(jq -r .capture <<<"$rec")"
expect_match "capture_error says the directory is full" \
	"capture_dir $C/full/captures: No space left on device" "$(jq -r .capture_error <<<"$rec")"
expect_eq "log lines about it" 1 "$(grep -c "no capture for .*No space left on device" "$C"/dgd.err)"
dgd_stop
pass
