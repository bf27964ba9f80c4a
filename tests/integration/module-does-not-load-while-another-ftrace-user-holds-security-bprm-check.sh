#!/bin/bash
# While another IPMODIFY ftrace user (a stand-in for a livepatch,
# tests/modules) holds security_bprm_check, a hook the module cannot run
# without, insmod of the module fails with "Device or resource busy" and
# the kernel log names the function; once the stand-in is gone it loads.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded
rmmod driftguard
hold_function security_bprm_check
rc=0
out=$(insmod "$DG_KO" 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "the module loaded while security_bprm_check was held"
expect_match "insmod's message" 'Device or resource busy' "$out"
expect_match "the kernel log" 'driftguard: cannot hook security_bprm_check \(-16\)' \
	"$(dmesg | tail -n 20)"
release_function
insmod "$DG_KO" || fail "insmod after the stand-in was removed"
pass
