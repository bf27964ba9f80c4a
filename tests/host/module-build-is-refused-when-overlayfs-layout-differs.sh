#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The module reads overlayfs' private __upperdentry right after the VFS
# inode, and the build checks that against the target kernel's overlay.ko
# (its BTF): built for the 6.12 test kernel with the overlay.ko of the 6.1
# kernel (where struct inode is 8 bytes longer), the build is refused and
# says why; with 6.12's own overlay.ko it builds.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"

k61= k612=
for k in $("$repo"/scripts/kernels --full); do
	case $k in 6.1.*) k61=$k ;; 6.12.*) k612=$k ;; esac
done
[ -n "$k61" ] && [ -n "$k612" ] || fail "scripts/kernels lacks a 6.1 or a 6.12 kernel"
cache=/var/cache/driftguard/kernels
for k in "$k61" "$k612"; do
	[ -d "$cache/$k/lib/modules/$k/kernel/fs/overlayfs" ] ||
		fail "$cache/$k has no overlayfs module (run scripts/bootstrap)"
done

tmp=$(mktemp -d)
# The module's build directory must be inside the repository (M=).
bld=build/ovl-layout-test.$$
at_exit rm -rf "$tmp" "$repo/$bld"

# A module tree holding only the other kernel's overlay.ko.
mkdir -p "$tmp/wrong/kernel/fs/overlayfs"
cp "$cache/$k61/lib/modules/$k61/kernel/fs/overlayfs/"overlay.ko* "$tmp/wrong/kernel/fs/overlayfs/"

rc=0
out=$(DRIFTGUARD_KMOD_DIR=$tmp/wrong make -C "$repo" module KVER="$k612" BUILD="$bld/wrong" 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "the build with 6.1's overlay.ko for $k612 succeeded"
grep -q "__upperdentry does not follow the VFS inode in the target kernel" <<<"$out" ||
	fail "the refused build does not say why: $(tail -n 20 <<<"$out")"

DRIFTGUARD_KMOD_DIR=$cache/$k612/lib/modules/$k612 \
	make -C "$repo" module KVER="$k612" BUILD="$bld/right" >"$tmp/right.log" 2>&1 ||
	fail "the build with $k612's own overlay.ko failed: $(tail -n 20 "$tmp/right.log")"
pass
