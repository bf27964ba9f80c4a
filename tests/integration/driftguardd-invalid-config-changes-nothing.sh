#!/bin/bash
# A policy file with an error, written while driftguardd runs, changes
# nothing in the kernel: the running policies stay as they were, and
# driftguardd names the file and line of the error.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir -p "$C"/etc/policy.d "$CG"/ctr-1
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
deny = apt-get
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
	"$DRIFTCTL" policy get "$CG"/ctr-1 2>/dev/null | grep -q 'mode prevent' && break
	sleep 0.1
done
before=$("$DRIFTCTL" policy list 2>&1)
expect_match "policies before" 'ctr-1 .*mode prevent.*deny: +apt-get' "$(echo $before)"

# The bad line is line 3: a new section that lowers everything.
cat >"$C"/etc/policy.d/zz-bad.conf <<CONF
[policy loose]
cgroup = dgtest-*
mode = sometimes
CONF
for i in $(seq 50); do
	grep -q 'zz-bad.conf:3:' "$C"/dgd.err && break
	sleep 0.1
done
expect_match "driftguardd's message" "policy.d/zz-bad.conf:3: .*sometimes" "$(cat "$C"/dgd.err)"
kill -0 "$DGD_PID" || fail "driftguardd exited: $(cat "$C"/dgd.err)"
expect_eq "policies after the bad file" "$before" "$("$DRIFTCTL" policy list 2>&1)"
pass
