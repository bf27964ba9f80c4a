#!/usr/bin/env bash
# `make deb` builds driftguard and driftguard-dkms, and in a VM (the first test
# kernel, Debian 12's 6.1) they install into a writable copy of the root with
# dpkg -i: the postinsts register the module with DKMS and load it at once
# (saying so), modprobe skips it with driftguard.off on the command line,
# driftguardd started as the unit's ExecStart applies the packaged default
# policy and logs a drifted binary blocked by a policy added to policy.d, and
# apt-get purge leaves nothing behind (tests/host/lib/deb-guest.sh). One
# kernel only, and the postinst's DKMS build skipped: under TCG the guest's
# DKMS build and depmod take minutes. Instead the host-built module is staged
# where DKMS would install it (updates/dkms), with module indexes depmod makes
# here on the host. DG_DEB_DKMS_BUILD=1 runs the real DKMS build and depmod.
# Lintian must report no error or warning for the packages.
# dg-timeout: 900
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$REPO/tests/lib/common.sh"

[ "$(id -u)" = 0 ] || fail "must run as root"
log=$(mktemp)
t0=$(date +%s)
make -C "$REPO" deb >"$log" 2>&1 || { tail -n 30 "$log" >&2; fail "make deb failed"; }
rm -f "$log"
echo "make deb: $(($(date +%s) - t0))s"
if command -v lintian >/dev/null; then
	lint=$(lintian "$REPO"/build/deb/driftguard_*.changes 2>&1 | grep -E '^[EW]: ' || true)
	[ -z "$lint" ] || fail "lintian: $lint"
fi
for f in "$REPO"/build/deb/driftguard_*.deb "$REPO"/build/deb/driftguard-dkms_*.deb; do
	[ -f "$f" ] || fail "make deb did not make $f"
done
[ -x "$REPO/build/bin/driftctl" ] && [ -x "$REPO/build/bin/hello" ] ||
	make -s -C "$REPO" userspace test-tools >/dev/null || fail "make userspace test-tools failed"

k=$("$REPO/scripts/kernels" | sed -n 1p)
[ -f "$REPO/build/$k/driftguard.ko" ] || make -s -C "$REPO" module KVER="$k" >/dev/null ||
	fail "make module KVER=$k failed"
out=$(mktemp -d "${TMPDIR:-/tmp}/dg-deb-vm.XXXXXX")
if [ -z "${DG_DEB_DKMS_BUILD:-}" ]; then
	# What a DKMS build for $k would leave: the module in updates/dkms and
	# the indexes of the kernel's modules and it (as tests/vm/run --dkms).
	moddir=${DRIFTGUARD_CACHE:-/var/cache/driftguard}/kernels/$k/lib/modules/$k
	m=$out/.dg-deb-modules/lib/modules/$k
	mkdir -p "$m/updates/dkms"
	cp "$REPO/build/$k/driftguard.ko" "$m/updates/dkms/"
	for f in "$moddir"/*; do
		case ${f##*/} in
		modules.builtin | modules.builtin.modinfo | modules.order) cp "$f" "$m/" ;;
		modules.*) ;;
		*) ln -s "$f" "$m/${f##*/}" ;;
		esac
	done
	depmod -b "$out/.dg-deb-modules" "$k" || fail "depmod for the staged module failed"
	find "$m" -maxdepth 1 -type l -delete
fi
rc=0
"$REPO/tests/vm/run" --kernel "$k" --no-module --timeout 900 --out "$out" -- \
	"$REPO/tests/host/lib/deb-guest.sh" ${DG_DEB_DKMS_BUILD:+--dkms-build} || rc=$?
[ "$rc" = 0 ] || fail "on $k: the guest half exited $rc (see $out/console.log)"
rm -rf "$out"
pass
