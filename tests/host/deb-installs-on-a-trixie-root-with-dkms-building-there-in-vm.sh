#!/usr/bin/env bash
# With DG_KERNELS=all: the packages `make deb` builds install on a Debian 13
# (trixie) system. A VM boots trixie's kernel; its root is a writable copy of
# the trixie build chroot (scripts/chroot: trixie's dpkg, apt, DKMS, gcc 14
# and the kernel's headers), and there, as on a trixie node, dpkg -i runs the
# postinsts: DKMS builds the module with trixie's compiler and installs it,
# the postinst loads it, driftguardd started as the unit starts it applies
# the packaged policy and blocks and logs a drifted binary under a policy
# added to policy.d, and apt-get purge leaves nothing behind
# (tests/host/lib/deb-guest.sh --root ... --dkms-build). The chroot must hold
# the packages' dependencies (DG_KERNELS=all scripts/bootstrap installs them):
# checked here against the built package's own Depends. The chroot itself is
# not changed: the guest writes to an overlay in its memory.
# dg-kernels: all
# dg-timeout: 2400
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$REPO/tests/lib/common.sh"

[ "$(id -u)" = 0 ] || fail "must run as root"
[ "${DG_KERNELS:-}" = all ] || fail "needs DG_KERNELS=all (trixie's kernel and its chroot)"

k=""
for r in $("$REPO/scripts/kernels" --core); do
	if [ "$("$REPO/scripts/kernels" --suite "$r")" = trixie ]; then
		k=$r
		break
	fi
done
[ -n "$k" ] || fail "no trixie kernel among scripts/kernels --core"
croot=$("$REPO/scripts/chroot" dir trixie) || fail "scripts/chroot dir trixie failed"
[ -x "$croot/usr/sbin/dkms" ] || fail "no dkms in $croot: run DG_KERNELS=all scripts/bootstrap"
[ -d "$croot/usr/src/linux-headers-$k" ] || fail "no linux-headers-$k in $croot: run DG_KERNELS=all scripts/bootstrap"

log=$(mktemp)
at_exit rm -f "$log"
make -C "$REPO" deb >"$log" 2>&1 || { tail -n 30 "$log" >&2; fail "make deb failed"; }
[ -x "$REPO/build/bin/driftctl" ] && [ -x "$REPO/build/bin/hello" ] ||
	make -s -C "$REPO" userspace test-tools >/dev/null || fail "make userspace test-tools failed"

# Every package driftguard depends on (but driftguard-dkms, which comes
# along) must be installed in the chroot, or provided by one that is
# (trixie's libssl3t64 provides bookworm's libssl3): the guest has no
# network to fetch it.
deb=$(ls "$REPO"/build/deb/driftguard_*_amd64.deb)
# shellcheck disable=SC2016  # a dpkg-query format, not an expansion
have=$(chroot "$croot" dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Provides}\n' |
	awk '$1 == "ii" { for (i = 2; i <= NF; i++) { sub(/,$/, "", $i); if ($i !~ /^[(=<>]/ && $i !~ /\)$/) print $i } }' |
	sed 's/:.*//' | sort -u)
missing=""
for p in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/[(|].*//; s/ //g' | grep -v '^driftguard-dkms$'); do
	grep -qxF "$p" <<<"$have" || missing="$missing $p"
done
[ -z "$missing" ] || fail "the trixie chroot lacks driftguard's dependencies:$missing (DG_KERNELS=all scripts/bootstrap installs them)"

out=$(mktemp -d "${TMPDIR:-/tmp}/dg-deb-trixie.XXXXXX")
rc=0
"$REPO/tests/vm/run" --kernel "$k" --no-module --timeout 2100 --out "$out" -- \
	"$REPO/tests/host/lib/deb-guest.sh" --root "$croot" --dkms-build || rc=$?
[ "$rc" = 0 ] || fail "on $k with the trixie root: the guest half exited $rc (see $out/console.log)"
rm -rf "$out"
pass
