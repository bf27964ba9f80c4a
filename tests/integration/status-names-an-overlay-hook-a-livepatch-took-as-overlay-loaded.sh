#!/bin/bash
# A files = prevent policy set while overlay.ko is not loaded is accepted;
# when overlay.ko comes and another IPMODIFY ftrace user (a livepatch
# stand-in applied as overlay.ko loads) holds its open, ovl_open, the
# module cannot hook it and the policy refuses no open for writing of an
# upper-layer file. driftctl status says so ("degraded: ovl_open: ..."),
# in text and JSON, rather than the kernel log alone.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
expect_match "driftctl status before" '^degraded: no$' "$("$DRIFTCTL" status)"
files_policy_before_overlay
insmod "$DG_SRC/build/$DG_KVER/tests/dg_ipmodify_holder.ko" func=ovl_open on_load=overlay ||
	fail "could not load dg_ipmodify_holder.ko"
at_exit release_function
modprobe overlay || fail "modprobe overlay failed"
lsmod | grep -q '^dg_ipmodify_holder ' || fail "the holder is gone"
dmesg | grep -q 'dg_ipmodify_holder: holding ovl_open' ||
	fail "the holder did not take ovl_open as overlay.ko loaded: $(dmesg | tail -n 5)"
expect_match "driftctl status" \
	'(^|[[:space:]])degraded: ovl_open: files = prevent does not refuse opens for writing of files already in the upper layer' \
	"$("$DRIFTCTL" status)"
expect_match "driftctl status --json" '"degraded":\["ovl_open: files = prevent does not refuse' \
	"$("$DRIFTCTL" status --json)"
pass
