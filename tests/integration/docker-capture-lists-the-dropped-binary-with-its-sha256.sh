#!/bin/bash
# On Docker (overlay2: the container's root is an overlay whose upperdir is
# overlay2/<id>/diff and whose lowerdir names the image's layers by the
# short symlinks of overlay2/l), under capture = yes the record of a
# dropped binary refused by `docker exec` names a capture file that lists
# the binary as added with its SHA-256, an image file the container changed
# as modified, one it deleted as deleted, and the container's processes:
# its long-running sleep, with its command line, among them.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
CAPDIR=$(mktemp -d /tmp/dgcap.XXXXXX)
at_exit rm -rf "$CAPDIR"
RT_CONF=("capture_dir = $CAPDIR")
rt_policy docker "mode=prevent" "capture=yes"
rt_start dg/base /bin/sleep 600
sleeper=$(docker inspect -f '{{.State.Pid}}' "$RT_NAME")
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
expect_match "upperdir in docker's overlay2" \
	"^$DG_RT_ROOT/docker/overlay2/[0-9a-f]{64}/diff\$" "$(jq -r .upperdir <<<"$cap")"
expect_eq "the dropped binary" "added file $want" \
	"$(jq -r '.changes[] | select(.path == "/tmp/dropped") | "\(.change) \(.type) \(.sha256)"' <<<"$cap")"
expect_eq "the changed image file" modified \
	"$(jq -r '.changes[] | select(.path == "/etc/issue") | .change' <<<"$cap")"
expect_eq "the deleted image file" deleted \
	"$(jq -r '.changes[] | select(.path == "/usr/bin/yes") | .change' <<<"$cap")"
expect_eq "the container's sleep" "/bin/sleep 600" \
	"$(jq -r --argjson pid "$sleeper" '.processes[] | select(.pid == $pid) | .cmdline' <<<"$cap")"
pass
