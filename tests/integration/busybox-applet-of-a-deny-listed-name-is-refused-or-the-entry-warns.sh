#!/bin/bash
# The policy denies wget. busybox, an image program, runs wget as an
# applet (busybox wget): the entry either holds for the applet (refused
# with EPERM) or driftctl warns when the policy is set that a name on the
# deny list cannot hold against a multi-call binary.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
warning=$("$DRIFTCTL" policy set "$CG" --mode prevent --memfd prevent --volume prevent \
	--mmap prevent --deny wget 2>&1) || fail "driftctl policy set: $warning"
if printf '%s' "$warning" | grep -Eqi 'multi-call|busybox|applet'; then
	pass
fi
out=$(in_container /bin/busybox wget --help) || true
case $out in *"Usage: wget"*) fail "busybox wget ran although wget is denied (and no warning): $out" ;; esac
expect_match "busybox wget refused with EPERM" 'Operation not permitted' "$out"
pass
