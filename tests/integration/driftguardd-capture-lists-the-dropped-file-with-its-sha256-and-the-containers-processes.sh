#!/bin/bash
# Under capture = yes, a blocked drifted exec's record names a capture file
# that lists the container's upper layer: the dropped binary as added, with
# its SHA-256, and the image file the container deleted (a whiteout) as
# deleted; and the container's processes at that moment, its long-running
# one among them with its command line. `driftctl capture show` prints it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "capture_dir = $C/captures"
dgd_policy capture "cgroup = $(cg_rel)" "mode = prevent" "capture = yes"
dgd_start
in_container /bin/rm /bin/true
in_container /bin/sleep 600 >/dev/null 2>&1 &
kill_at_exit $!
wait_until 10 "the container's sleep" grep -q . "$CG"/cgroup.procs
sleeper=$(cat "$CG"/cgroup.procs)
kill_at_exit "$sleeper"
drop "$BIN"/hello /tmp/dropped
want=$(sha256sum "$ROOT"/tmp/dropped | cut -d' ' -f1)
out=$(in_container /tmp/dropped || true)
expect_match "the drifted exec is refused" 'Operation not permitted' "$out"
wait_until 30 "the record" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
rec=$(grep '"path":"/tmp/dropped"' "$C"/events.jsonl)
file=$(jq -r '.capture // empty' <<<"$rec")
expect_match "the record names a capture file" "^$C/captures/[0-9]{8}T[0-9]{6}\.[0-9]{9}Z-cgroup-[0-9]+\.json\$" "$file"
wait_until 30 "the capture file" test -f "$file"

cap=$("$DRIFTCTL" capture show --json "$file")
expect_eq "format" driftguard-capture/1 "$(jq -r .format <<<"$cap")"
expect_eq "the record it belongs to" "$(jq -r .uuid <<<"$rec")" "$(jq -r .record.uuid <<<"$cap")"
expect_eq "upperdir" "$C/upper" "$(jq -r .upperdir <<<"$cap")"
expect_eq "the dropped file" "added file 0755 $want" \
	"$(jq -r '.changes[] | select(.path == "/tmp/dropped") | "\(.change) \(.type) \(.mode) \(.sha256)"' <<<"$cap")"
expect_eq "the deleted image file" deleted \
	"$(jq -r '.changes[] | select(.path == "/bin/true") | .change' <<<"$cap")"
expect_eq "the container's sleep" "/bin/sleep 600" \
	"$(jq -r --argjson pid "$sleeper" '.processes[] | select(.pid == $pid) | .cmdline' <<<"$cap")"

text=$("$DRIFTCTL" capture show "$file")
expect_match "show prints the dropped file" "added +file +0755 .* /tmp/dropped" "$text"
expect_match "show prints its hash" "sha256 $want" "$text"
list=$("$DRIFTCTL" capture list --config-dir "$C"/etc)
expect_match "list names the file" "$file" "$list"
dgd_stop
pass
