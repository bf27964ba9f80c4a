#!/bin/bash
# A process holding CAP_MAC_ADMIN and no other capability sets and deletes
# policies and switches alert-only: the policy it sets blocks a dropped
# binary, and once deleted blocks nothing.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
drop "$BIN"/hello /tmp/dropped

with_caps mac_admin "$DRIFTCTL" policy set "$CG" --mode prevent ||
	fail "policy set with CAP_MAC_ADMIN exited $?"
expect_denied /tmp/dropped
with_caps mac_admin "$DRIFTCTL" alert-only on || fail "alert-only on exited $?"
expect_runs /tmp/dropped >/dev/null
with_caps mac_admin "$DRIFTCTL" alert-only off || fail "alert-only off exited $?"
expect_denied /tmp/dropped
with_caps mac_admin "$DRIFTCTL" policy del "$CG" || fail "policy del exited $?"
expect_runs /tmp/dropped >/dev/null
pass
