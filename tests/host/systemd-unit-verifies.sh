#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# systemd/driftguard.service passes `systemd-analyze verify`: its settings
# parse, its ExecStart is executable and its Documentation= pages exist.
# driftguardd is not installed on the host, so a copy of the unit points at
# the built binary, and MANPATH at the pages in man/.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || { echo "FAILED: $bin is not built (make userspace)" >&2; exit 1; }

mkdir -p "$tmp/unit" "$tmp/man/man5" "$tmp/man/man8"
cp "$repo"/man/*.5 "$tmp/man/man5/"
cp "$repo"/man/*.8 "$tmp/man/man8/"
sed "s|^\(Exec[A-Za-z]*=\)/usr/sbin/driftguardd|\1$bin|" \
	"$repo/systemd/driftguard.service" >"$tmp/unit/driftguard.service"
grep -q "^ExecStart=$bin " "$tmp/unit/driftguard.service" ||
	{ echo "FAILED: the unit's ExecStart is not /usr/sbin/driftguardd" >&2; exit 1; }

if ! out=$(MANPATH=$tmp/man systemd-analyze verify "$tmp/unit/driftguard.service" 2>&1) ||
	[ -n "$out" ]; then
	echo "FAILED: systemd-analyze verify:" >&2
	echo "$out" | sed 's/^/  /' >&2
	exit 1
fi
echo "ok: systemd-analyze verify is silent"
