#!/bin/bash
# While another IPMODIFY ftrace user (a stand-in for a livepatch,
# tests/modules) holds security_bprm_check, a hook the module cannot run
# without, insmod of the module fails with "Device or resource busy" and
# the kernel log names the function; once the stand-in is gone it loads.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
holder=$DG_SRC/build/$DG_KVER/tests/dg_ipmodify_holder.ko
at_exit ensure_module_loaded
rmmod driftguard
insmod "$holder" func=security_bprm_check
at_exit sh -c 'rmmod dg_ipmodify_holder 2>/dev/null; true'
rc=0
out=$(insmod "$DG_KO" 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "the module loaded while security_bprm_check was held"
expect_match "insmod's message" 'Device or resource busy' "$out"
expect_match "the kernel log" 'driftguard: cannot hook security_bprm_check \(-16\)' \
	"$(dmesg | tail -n 20)"
rmmod dg_ipmodify_holder
insmod "$DG_KO" || fail "insmod after the stand-in was removed"
pass
