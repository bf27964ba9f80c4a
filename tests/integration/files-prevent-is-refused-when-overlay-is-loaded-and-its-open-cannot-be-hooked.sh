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
container_create
rmmod driftguard
insmod "$DG_KO"
hold_function ovl_open
expect_policy_refused \
	'kernel reports: files: overlay.ko is loaded but its open \(ovl_open\) cannot be hooked: another ftrace user \(a livepatch\?\) holds it' \
	--files prevent
release_function
"$DRIFTCTL" policy set "$CG" --files prevent >/dev/null ||
	fail "policy set after the stand-in was removed"
pass
