#!/bin/bash
# driftguardd gives a cgroup created after it started the policy whose
# pattern matches it: a binary dropped into that container is refused, the
# JSON log gets a blocked record for it with an intact hash chain, and the
# policy stays in force after driftguardd stops.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy containers "cgroup = dgtest-*/ctr-*" "mode = prevent" "severity = medium"

dgd_start

mkdir "$CG"/ctr-1
wait_until 5 "the policy of the new cgroup" sh -c "'$DRIFTCTL' policy get '$CG'/ctr-1 | grep -q 'mode prevent'"
expect_match "policy of the new cgroup" 'mode prevent' \
	"$("$DRIFTCTL" policy get "$CG"/ctr-1 2>&1 || true)"

drop "$BIN"/hello /tmp/dropped
parent=$CG
CG=$parent/ctr-1
expect_denied /tmp/dropped
CG=$parent

wait_until 5 "the blocked record" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl
expect_match "blocked record in the JSON log" \
	'"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/dropped".*"policy":"containers","severity":"medium"' \
	"$(cat "$C"/events.jsonl 2>/dev/null)"
"$DRIFTCTL" verify-log "$C"/events.jsonl || fail "the JSON log's chain is broken"

dgd_stop
expect_match "policy after driftguardd stopped" 'mode prevent' \
	"$("$DRIFTCTL" policy get "$CG"/ctr-1 2>&1 || true)"
pass
