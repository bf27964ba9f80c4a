#!/usr/bin/env bash
# The module DKMS builds and installs on the host is the one `modprobe driftguard`
# loads: for every test kernel, a guest booted with tests/vm/run --dkms
# (guest-init overlays the host's /lib/modules/<release>/updates/dkms on the
# kernel's modules and modprobes driftguard, refusing any other path) runs the
# DKMS module, with the version from VERSION, and driftctl talks to it. Boots
# one VM per kernel (about 15 s each under TCG); DKMS state is removed after.
# dg-timeout: 900
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/dkms.sh"

dkms_setup
dkms_install_all
[ -x "$REPO/build/bin/driftctl" ] || make -s -C "$REPO" userspace >/dev/null || fail "make userspace failed"

for k in $KERNELS; do
	out=$(mktemp -d "${TMPDIR:-/tmp}/dg-dkms-vm.XXXXXX")
	rc=0
	"$REPO/tests/vm/run" --kernel "$k" --dkms --timeout 300 --out "$out" -- bash -c '
		set -eu
		grep "^driftguard " /proc/modules
		path=$(modinfo -n driftguard)
		echo "path=$path"
		case $path in "/lib/modules/$DG_KVER/updates/dkms/driftguard.ko"*) ;; *) exit 11 ;; esac
		# The loaded module is that file (same srcversion), not some other build.
		[ "$(cat /sys/module/driftguard/srcversion)" = "$(modinfo -F srcversion driftguard)" ] || exit 12
		[ "$(cat /sys/module/driftguard/version)" = "$(cat VERSION)" ] || exit 13
		build/bin/driftctl status | grep -F "$(cat VERSION)"
	' >"$out/host.log" 2>&1 || rc=$?
	if [ "$rc" != 0 ]; then
		cat "$out/host.log" >&2
		fail "on $k: the guest check exited $rc (11: modinfo -n is not updates/dkms, 12: loaded srcversion differs, 13: version differs from VERSION; 125: guest set-up, see $out/console.log)"
	fi
	grep -q 'guest-init: modprobe driftguard loaded /lib/modules/.*/updates/dkms/driftguard.ko' "$out/console.log" ||
		fail "on $k: guest-init did not report loading the DKMS module (see $out/console.log)"
	say "$k: $(grep '^path=' "$out/host.log")"
	rm -rf "$out"
done
pass
