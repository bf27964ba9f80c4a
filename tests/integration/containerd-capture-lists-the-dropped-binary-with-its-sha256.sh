#!/bin/bash
# On containerd (`ctr run`, the overlayfs snapshotter: the container's root
# is an overlay whose upperdir is snapshots/<n>/fs and whose lowerdirs are
# the image's snapshots), under capture = yes the record of a dropped binary
# refused by `ctr task exec` names a capture file that lists the binary as
# added with its SHA-256, an image file the container changed as modified,
# one it deleted as deleted, and the container's processes: its
# long-running sleep, with its command line, among them.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
CAPDIR=$(mktemp -d /tmp/dgcap.XXXXXX)
at_exit rm -rf "$CAPDIR"
RT_CONF=("capture_dir = $CAPDIR")
rt_policy containerd "mode=prevent" "capture=yes"
rt_start dg/base /bin/sleep 600
sleeper=$(ctr task ls | awk -v id="$RT_NAME" '$1 == id { print $2 }')
expect_match "the container's sleep" '^[0-9]+$' "$sleeper"
out=$(rt_exec /bin/bash -c 'echo drift >>/etc/issue && rm /usr/bin/yes &&
cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: write; exit 1; }
/tmp/dropped hello from dropped') || true
expect_refused "dropped binary run by exec" "$out"
want=$(rt_exec sha256sum /tmp/dropped | cut -d' ' -f1)
expect_match "the dropped binary's sha256" '^[0-9a-f]{64}$' "$want"
expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
rec=$(grep -E '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
file=$(jq -r '.capture // empty' <<<"$rec")
expect_match "the record names a capture file" "^$CAPDIR/[^/]+\.json\$" "$file"
wait_until 60 "the capture file" test -f "$file"

cap=$("$DRIFTCTL" capture show --json "$file")
expect_eq "capture errors" "" "$(jq -r '.errors // [] | join("; ")' <<<"$cap")"
expect_match "upperdir in containerd's overlayfs snapshotter" \
	"^$DG_RT_ROOT/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/[0-9]+/fs\$" \
	"$(jq -r .upperdir <<<"$cap")"
expect_eq "the dropped binary" "added file $want" \
	"$(jq -r '.changes[] | select(.path == "/tmp/dropped") | "\(.change) \(.type) \(.sha256)"' <<<"$cap")"
expect_eq "the changed image file" modified \
	"$(jq -r '.changes[] | select(.path == "/etc/issue") | .change' <<<"$cap")"
expect_eq "the deleted image file" deleted \
	"$(jq -r '.changes[] | select(.path == "/usr/bin/yes") | .change' <<<"$cap")"
expect_eq "the container's sleep" "/bin/sleep 600" \
	"$(jq -r --argjson pid "$sleeper" '.processes[] | select(.pid == $pid) | .cmdline' <<<"$cap")"
pass
