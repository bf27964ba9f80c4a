#!/bin/bash
# Malformed policy requests are rejected with an extended-ack message that
# names the bad attribute, and change nothing.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
id=$(stat -c %i "$CG")
policy --mode detect
before=$("$DRIFTCTL" policy list --json)
check() { # CASE ERRNO REGEX
	local out
	out=$("$BIN"/badmsg "$1" "$id")
	expect_match "$1" "^errno=$2 extack=.*$3" "$out"
}
check mode-out-of-range 22 'mode'
check files-out-of-range 22 'files: must be off, detect or prevent'
check relative-writable 22 'writable and config entries must be absolute paths'
check config-ending-in-slash 22 "writable and config entries must not end in '/'"
check too-many-writable 7 'too many writable or config entries'
check missing-cgroup 22 'cgroup_id'
check unknown-cgroup 2 'cgroup_id'
check wrong-type 22 'cgroup_id'
check foreign-attribute 22 '.'
check relative-path-pattern 22 'absolute path'
check empty-pattern 22 'empty pattern'
check unterminated-pattern 22 'pattern'
expect_eq "policies unchanged" "$before" "$("$DRIFTCTL" policy list --json)"
out=$("$DRIFTCTL" policy set "$CG" --mode enforce 2>&1) && fail "bad mode accepted"
expect_match "driftctl message" "not off, detect or prevent" "$out"
pass
