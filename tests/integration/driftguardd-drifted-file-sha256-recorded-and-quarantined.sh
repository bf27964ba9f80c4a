#!/bin/bash
# A blocked drifted binary's record carries the SHA-256 of the file as the
# container saw it (read while a process of the container still runs, as a
# container's init does), and with "quarantine = yes" a read-only copy is kept
# under the quarantine directory, named by that hash.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "quarantine = yes" "quarantine_dir = $C/quarantine"
dgd_policy evidence "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
drop "$BIN"/hello /tmp/dropped
want=$(sha256sum "$ROOT"/tmp/dropped | cut -d' ' -f1)
out=$(in_container /bin/sh -c '/tmp/dropped; sleep 5' || true)
expect_match "the drifted exec is refused" 'Operation not permitted' "$out"
wait_until 10 "the record" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
rec=$(grep '"path":"/tmp/dropped"' "$C"/events.jsonl)
expect_match "sha256 in the record" "\"sha256\":\"$want\"" "$rec"
expect_match "quarantine path in the record" "\"quarantine\":\"$C/quarantine/$want\"" "$rec"
cmp "$ROOT"/tmp/dropped "$C"/quarantine/"$want" || fail "the quarantined copy differs"
expect_eq "mode of the copy" 400 "$(stat -c %a "$C"/quarantine/"$want")"
dgd_stop
pass
