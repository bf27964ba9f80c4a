#!/usr/bin/env bash
# The module source tree `make dkms-src` makes, put in /usr/src/driftguard-<VERSION>,
# is added to DKMS, built and installed for every test kernel (scripts/kernels)
# into /lib/modules/<release>/updates/dkms with the version from VERSION; a
# kernel other than 6.1 and 6.12, and their -rt- flavour, is refused by
# BUILD_EXCLUSIVE_KERNEL; and
# `dkms remove --all` leaves the host as it was.
# dg-timeout: 900
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/dkms.sh"

dkms_setup
grep -qx "PACKAGE_VERSION=\"$VERSION\"" "$SRC/dkms.conf" ||
	fail "$SRC/dkms.conf: PACKAGE_VERSION is not \"$VERSION\" (VERSION): $(grep PACKAGE_VERSION "$SRC/dkms.conf")"
dkms_install_all

for k in $KERNELS; do
	ko=$(find "/lib/modules/$k/updates/dkms" -name 'driftguard.ko*' -print -quit 2>/dev/null)
	[ -n "$ko" ] || fail "no driftguard.ko* in /lib/modules/$k/updates/dkms"
	v=$(modinfo -F version "$ko")
	[ "$v" = "$VERSION" ] || fail "$ko: version '$v', expected '$VERSION'"
	vm=$(modinfo -F vermagic "$ko")
	[ "${vm%% *}" = "$k" ] || fail "$ko: vermagic '$vm', expected it to start with $k"
	dkms status "driftguard/$VERSION" -k "$k" | grep -q ': installed' ||
		fail "dkms status does not show driftguard/$VERSION installed for $k: $(dkms status driftguard)"
	say "$ko (vermagic $vm)"
done

# Any other kernel, and the PREEMPT_RT flavour of a supported one, is refused
# before anything is built, and says why.
for other in 6.6.0-99-amd64 "${KERNELS%%$'\n'*}" ; do
	case $other in 6.6.*) ;; *) other=${other%-amd64}-rt-amd64 ;; esac
	rc=0
	out=$(dkms build -k "$other" "driftguard/$VERSION" 2>&1) || rc=$?
	[ "$rc" = 77 ] || fail "dkms build for $other: exit $rc, expected 77 (BUILD_EXCLUSIVE): $out"
	grep -q 'BUILD_EXCLUSIVE' <<<"$out" || fail "dkms build for $other does not say why: $out"
	say "dkms refuses $other"
done

dkms remove "driftguard/$VERSION" --all >/dev/null || fail "dkms remove driftguard/$VERSION --all failed"
[ -z "$(dkms status driftguard)" ] || fail "still registered after dkms remove --all: $(dkms status driftguard)"
for k in $KERNELS; do
	left=$(find "/lib/modules/$k" -name 'driftguard.ko*')
	[ -z "$left" ] || fail "left after dkms remove --all: $left"
done
pass
