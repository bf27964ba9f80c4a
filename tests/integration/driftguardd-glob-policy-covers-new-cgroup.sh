#!/bin/bash
# driftguardd gives a cgroup created after it started the policy whose
# pattern matches it: a binary dropped into that container is refused, the
# JSON log gets a blocked record for it with an intact hash chain, and the
# policy stays in force after driftguardd stops.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir -p "$C"/etc/policy.d
cat >"$C"/etc/driftguard.conf <<CONF
[daemon]
log_json = $C/events.jsonl
journald = no
syslog = no
CONF
cat >"$C"/etc/policy.d/containers.conf <<CONF
[policy containers]
cgroup = dgtest-*/ctr-*
mode = prevent
severity = medium
CONF

cleanup() {
	[ -n "${DGD_PID:-}" ] && kill "$DGD_PID" 2>/dev/null
	"$DRIFTCTL" policy del "$CG"/ctr-1 >/dev/null 2>&1
	container_destroy
}
trap cleanup EXIT

"$BIN"/driftguardd --config-dir "$C"/etc 2>"$C"/dgd.err &
DGD_PID=$!
for i in $(seq 50); do
	grep -q 'setting its policies' "$C"/dgd.err && break
	sleep 0.1
done
grep -q 'setting its policies' "$C"/dgd.err ||
	fail "driftguardd did not start: $(cat "$C"/dgd.err)"

mkdir "$CG"/ctr-1
for i in $(seq 50); do
	"$DRIFTCTL" policy get "$CG"/ctr-1 2>/dev/null | grep -q 'mode prevent' && break
	sleep 0.1
done
expect_match "policy of the new cgroup" 'mode prevent' \
	"$("$DRIFTCTL" policy get "$CG"/ctr-1 2>&1 || true)"

drop "$BIN"/hello /tmp/dropped
parent=$CG
CG=$parent/ctr-1
expect_denied /tmp/dropped
CG=$parent

for i in $(seq 50); do
	grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl 2>/dev/null && break
	sleep 0.1
done
expect_match "blocked record in the JSON log" \
	'"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/dropped".*"policy":"containers","severity":"medium"' \
	"$(cat "$C"/events.jsonl 2>/dev/null)"
"$DRIFTCTL" verify-log "$C"/events.jsonl || fail "the JSON log's chain is broken"

kill -TERM "$DGD_PID"
wait "$DGD_PID" || fail "driftguardd exited $? on SIGTERM: $(cat "$C"/dgd.err)"
DGD_PID=
expect_match "policy after driftguardd stopped" 'mode prevent' \
	"$("$DRIFTCTL" policy get "$CG"/ctr-1 2>&1 || true)"
pass
