#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# `driftguardd --check-config` (and so the daemon's start) refuses a
# configuration it cannot read, naming the path and the reason, instead of
# taking it for an empty one, which would delete every kernel policy: a
# misspelt --config-dir, a file given as the directory, a directory and a
# driftguard.conf the daemon's user cannot read, a FIFO named *.conf (which
# must not hang the check). Each case exits 1 and prints no configuration.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
chmod 755 "$tmp"
at_exit rm -rf "$tmp"

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || fail "$bin is not built (make userspace)"
# The unreadable cases need a user that permissions apply to; the binary
# must be reachable for it.
cp "$bin" "$tmp/driftguardd"
chmod 755 "$tmp/driftguardd"

good() { # DIR: a configuration that passes
	mkdir -p "$1/policy.d"
	printf '[daemon]\njournald = yes\n' >"$1/driftguard.conf"
	printf '[policy pods]\ncgroup = kubepods.slice\nmode = detect\n' >"$1/policy.d/pods.conf"
}

# expect_refused WHAT MESSAGE [setpriv...] -- ARGS: exit 1, MESSAGE on stderr.
expect_refused() {
	local what=$1 msg=$2 out rc=0
	shift 2
	out=$(timeout 10 "$@" --check-config 2>&1) || rc=$?
	[ "$rc" = 1 ] || fail "$what: exit $rc, expected 1: $out"
	grep -qF -- "$msg" <<<"$out" || fail "$what: expected '$msg' in: $out"
	! grep -q '^\[policy' <<<"$out" || fail "$what: printed a configuration: $out"
	echo "ok: $what: $(head -n 1 <<<"$out")"
}

good "$tmp/etc"
"$tmp/driftguardd" --config-dir "$tmp/etc" --check-config >/dev/null ||
	fail "the good configuration does not pass"

expect_refused "misspelt --config-dir" \
	"the configuration directory $tmp/ect: No such file or directory" \
	"$tmp/driftguardd" --config-dir "$tmp/ect"
expect_refused "a file given as the directory" \
	"the configuration directory $tmp/etc/driftguard.conf: Not a directory" \
	"$tmp/driftguardd" --config-dir "$tmp/etc/driftguard.conf"

good "$tmp/noperm"
chmod 700 "$tmp/noperm"
expect_refused "a directory the daemon's user cannot read" \
	"the configuration directory $tmp/noperm: Permission denied" \
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$tmp/driftguardd" --config-dir "$tmp/noperm"

good "$tmp/nofile"
chmod 600 "$tmp/nofile/driftguard.conf"
expect_refused "a driftguard.conf the daemon's user cannot read" \
	"$tmp/nofile/driftguard.conf: Permission denied" \
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$tmp/driftguardd" --config-dir "$tmp/nofile"

good "$tmp/fifo"
mkfifo "$tmp/fifo/policy.d/zz.conf"
expect_refused "a FIFO named *.conf" \
	"$tmp/fifo/policy.d/zz.conf: is a FIFO, not a regular file: nothing read" \
	"$tmp/driftguardd" --config-dir "$tmp/fifo"

good "$tmp/nopol"
rm -r "$tmp/nopol/policy.d"
expect_refused "no policy.d" \
	"the policy directory $tmp/nopol/policy.d: No such file or directory" \
	"$tmp/driftguardd" --config-dir "$tmp/nopol"

# Valid but empty: passes with a warning, and --strict fails it.
good "$tmp/empty"
rm "$tmp/empty/policy.d/pods.conf"
out=$("$tmp/driftguardd" --config-dir "$tmp/empty" --check-config 2>&1 >/dev/null) ||
	fail "an empty policy.d is an error, expected a warning: $out"
grep -q 'warning: no \[policy\]' <<<"$out" || fail "no warning for an empty policy.d: $out"
expect_refused "an empty policy.d under --strict" "not valid under --strict" \
	"$tmp/driftguardd" --config-dir "$tmp/empty" --strict
