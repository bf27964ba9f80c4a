#!/bin/bash
# With overlay.ko loaded (a container's rootfs is mounted) and overlayfs'
# open (ovl_open) held by another IPMODIFY ftrace user (a stand-in for a
# livepatch, tests/modules), `driftctl policy set CG --files prevent` on a
# module loaded afresh (ovl_open not hooked yet) fails, prints the module's
# reason, and leaves no policy; once the stand-in is gone the same command
# succeeds.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
holder=$DG_SRC/build/$DG_KVER/tests/dg_ipmodify_holder.ko
container_create
rmmod driftguard
insmod "$DG_KO"
insmod "$holder" func=ovl_open
at_exit sh -c 'rmmod dg_ipmodify_holder 2>/dev/null; true'
rc=0
out=$("$DRIFTCTL" policy set "$CG" --files prevent 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "policy set succeeded while ovl_open could not be hooked: $out"
expect_match "driftctl's message" \
	'kernel reports: files: overlay.ko is loaded but its open \(ovl_open\) cannot be hooked: another ftrace user \(a livepatch\?\) holds it' \
	"$out"
expect_eq "policies after the refusal" '[]' "$("$DRIFTCTL" policy list --json)"
rmmod dg_ipmodify_holder
"$DRIFTCTL" policy set "$CG" --files prevent >/dev/null ||
	fail "policy set after the stand-in was removed"
pass
