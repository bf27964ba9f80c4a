#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# `make install DESTDIR=D` (default PREFIX) for both test kernels puts exactly
# the files listed below under D, nothing outside it (the module goes to
# D/lib/modules, no depmod indexes are made), with the unit's ExecStart
# naming the installed driftguardd (install-programs: the same without the
# modules); `make uninstall DESTDIR=D` then leaves nothing but directories.
# No module is loaded; the modules are built for the test kernels
# (scripts/kernels) if build/ has none.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/install.sh"

 read -r k1 k2 < <("$REPO/scripts/kernels" --full | tr '\n' ' ') || true
[ -n "${k1:-}" ] && [ -n "${k2:-}" ] || fail "scripts/kernels did not print two kernels"

for k in "$k1" "$k2"; do
	make -C "$REPO" install DESTDIR="$D" KVER="$k" >"$log" 2>&1 ||
		fail "make install DESTDIR=$D KVER=$k failed: $(tail -n 20 "$log")"
done

# Debian's 6.1 kernel keeps modules uncompressed, its 6.12 kernel has them
# xz-compressed (CONFIG_MODULE_COMPRESS_XZ), and modules_install follows.
expected=$(sort <<EOF
/etc/driftguard/driftguard.conf
/etc/driftguard/policy.d/containers.conf
/etc/driftguard/policy.d/example.conf
/lib/modules/$k1/extra/driftguard.ko
/lib/modules/$k2/extra/driftguard.ko.xz
/usr/local/lib/modprobe.d/driftguard.conf
/usr/local/lib/modules-load.d/driftguard.conf
/usr/local/lib/systemd/system/driftguard.service
/usr/local/sbin/driftctl
/usr/local/sbin/driftguardd
/usr/local/share/bash-completion/completions/driftctl
/usr/local/share/man/man5/driftguard.conf.5
/usr/local/share/man/man8/driftctl.8
/usr/local/share/man/man8/driftguardd.8
EOF
)
actual=$(cd "$D" && find . ! -type d | sed 's|^\.||' | sort)
[ "$actual" = "$expected" ] ||
	fail "make install staged another file list:$(diff <(echo "$expected") <(echo "$actual") | sed -n 's/^[<>]/\n&/p')"

execstart=$(sed -n 's/^ExecStart=//p' "$D/usr/local/lib/systemd/system/driftguard.service")
[ "${execstart%% *}" = /usr/local/sbin/driftguardd ] ||
	fail "the installed unit runs '$execstart', not /usr/local/sbin/driftguardd"

# install-programs is the same less the modules (for a node where DKMS builds them).
P=$D.programs
mkdir "$P"
make -C "$REPO" install-programs DESTDIR="$P" >"$log" 2>&1 ||
	fail "make install-programs DESTDIR=$P failed: $(tail -n 20 "$log")"
actual=$(cd "$P" && find . ! -type d | sed 's|^\.||' | sort)
rm -rf "$P"
[ "$actual" = "$(grep -v '^/lib/modules/' <<<"$expected")" ] ||
	fail "make install-programs staged another file list:$(diff <(grep -v '^/lib/modules/' <<<"$expected") <(echo "$actual") | sed -n 's/^[<>]/\n&/p')"

make -C "$REPO" uninstall DESTDIR="$D" >"$log" 2>&1 ||
	fail "make uninstall DESTDIR=$D failed: $(tail -n 20 "$log")"
left=$(cd "$D" && find . ! -type d | sed 's|^\.||')
[ -z "$left" ] || fail "files left after make uninstall: $left"
pass
