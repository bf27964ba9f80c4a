#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# With PREFIX=/usr/local (the default) and PREFIX=/usr, `make install` puts
# driftguard.service in a directory that systemd searches (as this host's
# `systemd-analyze unit-paths` lists them) and points its ExecStart at the
# PREFIX's driftguardd; with a PREFIX systemd does not search (/opt/driftguard)
# it refuses with exit 2, names UNITDIR, and installs nothing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/install.sh"

command -v systemd-analyze >/dev/null || fail "systemd-analyze is not installed"
paths=$(systemd-analyze unit-paths)
k=$("$REPO/scripts/kernels" | sed -n 1p)

for prefix in /usr/local /usr; do
	rm -rf "${D:?}"/*
	make -C "$REPO" install DESTDIR="$D" KVER="$k" PREFIX="$prefix" >"$log" 2>&1 ||
		fail "make install PREFIX=$prefix failed: $(tail -n 20 "$log")"
	unit=$(cd "$D" && find . -name driftguard.service | sed 's|^\.||')
	[ -n "$unit" ] || fail "PREFIX=$prefix: no driftguard.service installed"
	grep -qxF "${unit%/*}" <<<"$paths" ||
		fail "PREFIX=$prefix: the unit went to ${unit%/*}, which systemd does not search: $paths"
	execstart=$(sed -n 's/^ExecStart=//p' "$D$unit")
	[ "${execstart%% *}" = "$prefix/sbin/driftguardd" ] && [ -x "$D$prefix/sbin/driftguardd" ] ||
		fail "PREFIX=$prefix: the unit runs '$execstart', not the installed $prefix/sbin/driftguardd"
done

rm -rf "${D:?}"/*
rc=0
make -C "$REPO" install DESTDIR="$D" KVER="$k" PREFIX=/opt/driftguard >"$log" 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "make install PREFIX=/opt/driftguard exited $rc, expected 2: $(tail -n 5 "$log")"
grep -q 'set UNITDIR' "$log" || fail "make install PREFIX=/opt/driftguard did not name UNITDIR: $(cat "$log")"
[ -z "$(ls -A "$D")" ] || fail "make install PREFIX=/opt/driftguard installed: $(cd "$D" && find . ! -type d)"
pass
