#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `systemctl reload driftguard` with a wrong policy file fails the reload
# (the unit's ExecReload= checks first, like `nginx -t`), and the daemon
# never hears of it; with a right file the reload succeeds and the daemon
# loads it. The ExecReload= lines of systemd/driftguard.service run here as
# systemd runs them: in order, the first failure failing the reload, with
# $MAINPID the running daemon (the host has no module: it waits for one).
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || fail "$bin is not built (make userspace)"

# /usr/sbin/driftguardd in the unit is the built one, on this test's directory.
cat >"$tmp/driftguardd" <<SH
#!/bin/sh
exec "$bin" --config-dir "$tmp/etc" "\$@"
SH
chmod +x "$tmp/driftguardd"
mapfile -t reload < <(sed -n 's/^ExecReload=//p' "$repo/systemd/driftguard.service")
[ "${#reload[@]}" -ge 2 ] || fail "the unit has ${#reload[@]} ExecReload= line(s), expected a check and the signal"

# systemctl reload, as systemd does it: each line in turn, stop at a failure.
systemctl_reload() {
	local line
	for line in "${reload[@]}"; do
		line=${line//\/usr\/sbin\/driftguardd/$tmp\/driftguardd}
		line=${line//\$MAINPID/$dgd_pid}
		# shellcheck disable=SC2086
		$line || return 1
	done
}

mkdir -p "$tmp/etc/policy.d"
printf '[daemon]\nlog_json = %s/events.jsonl\njournald = no\n' "$tmp" >"$tmp/etc/driftguard.conf"
printf '[policy web]\ncgroup = web.slice\nmode = prevent\n' >"$tmp/etc/policy.d/web.conf"
"$bin" --config-dir "$tmp/etc" 2>"$tmp/dgd.err" &
dgd_pid=$!
kill_at_exit "$dgd_pid"
wait_until --log "$tmp/dgd.err" 5 "driftguardd to start and wait for the module" \
	grep -q 'waiting for it' "$tmp/dgd.err"

# A typo in a mode: the reload fails and names the file and line.
printf '[policy web]\ncgroup = web.slice\nmode = prevnet\n' >"$tmp/etc/policy.d/web.conf"
if out=$(systemctl_reload 2>&1); then
	fail "the reload with a wrong file succeeded: $out"
fi
case $out in
*"policy.d/web.conf:3: mode: 'prevnet' is not off, detect or prevent"*) ;;
*) fail "the failed reload does not say what is wrong: $out" ;;
esac
echo "ok: a reload with a wrong file fails: $out"
sleep 0.5
! grep -q 'SIGHUP' "$tmp/dgd.err" || fail "driftguardd was signalled after a failed check: $(cat "$tmp/dgd.err")"

# Fixed: the reload succeeds and the daemon loads the file.
printf '[policy web]\ncgroup = web.slice\nmode = detect\n' >"$tmp/etc/policy.d/web.conf"
systemctl_reload || fail "the reload with a right file failed"
wait_until --log "$tmp/dgd.err" 5 "driftguardd to reload" grep -q 'SIGHUP: configuration loaded' "$tmp/dgd.err"
grep -q 'SIGHUP: configuration loaded, 1 policies' "$tmp/dgd.err" ||
	fail "driftguardd did not reload: $(cat "$tmp/dgd.err")"
pass "a reload with a right file is applied"
