#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# systemd/driftguard.service passes `systemd-analyze verify`: its settings
# parse, its ExecStart is executable and its Documentation= pages exist; so
# does it with the metrics drop-in (etc/systemd/driftguard-metrics.conf),
# which must allow IP sockets on loopback.
# driftguardd is not installed on the host, so a copy of the unit points at
# the built binary, and MANPATH at the pages in man/.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || fail "$bin is not built (make userspace)"

mkdir -p "$tmp/unit" "$tmp/man/man5" "$tmp/man/man8"
cp "$repo"/man/*.5 "$tmp/man/man5/"
cp "$repo"/man/*.8 "$tmp/man/man8/"
sed "s|^\(Exec[A-Za-z]*=\)/usr/sbin/driftguardd|\1$bin|" \
	"$repo/systemd/driftguard.service" >"$tmp/unit/driftguard.service"
grep -q "^ExecStart=$bin " "$tmp/unit/driftguard.service" ||
	fail "the unit's ExecStart is not /usr/sbin/driftguardd"

if ! out=$(MANPATH=$tmp/man systemd-analyze verify "$tmp/unit/driftguard.service" 2>&1) ||
	[ -n "$out" ]; then
	fail "systemd-analyze verify:"$'\n'"$(sed 's/^/  /' <<<"$out")"
fi
mkdir "$tmp/unit/driftguard.service.d"
cp "$repo/etc/systemd/driftguard-metrics.conf" "$tmp/unit/driftguard.service.d/metrics.conf"
if ! out=$(cd "$tmp/unit" && MANPATH=$tmp/man SYSTEMD_UNIT_PATH=$tmp/unit: \
	systemd-analyze verify driftguard.service 2>&1) || [ -n "$out" ]; then
	fail "systemd-analyze verify with the metrics drop-in:"$'\n'"$(sed 's/^/  /' <<<"$out")"
fi
pass "systemd-analyze verify is silent, with and without the metrics drop-in"
