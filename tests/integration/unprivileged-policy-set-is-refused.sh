#!/bin/bash
# A caller without CAP_NET_ADMIN cannot set a policy: "permission denied",
# exit 4, and nothing changes.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
before=$("$DRIFTCTL" policy list)
rc=0
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$DRIFTCTL" policy set "$CG" --mode prevent 2>&1) || rc=$?
expect_eq "exit status" 4 "$rc"
expect_match "message" 'ermission denied' "$out"
expect_eq "policies" "$before" "$("$DRIFTCTL" policy list)"
rc=0
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	"$DRIFTCTL" events 2>&1) || rc=$?
expect_eq "events exit status" 4 "$rc"
pass
