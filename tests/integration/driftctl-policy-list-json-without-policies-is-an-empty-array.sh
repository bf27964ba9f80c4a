#!/bin/bash
# With no policy in the module, `driftctl policy list --json` prints one
# JSON document, the empty array [], and exits 0: a script can tell "no
# policy" from a failure, which prints nothing on stdout without --json.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded

# A module loaded afresh has no policy.
rmmod driftguard
insmod "$DG_KO"
rc=0
out=$("$DRIFTCTL" policy list --json) || rc=$?
expect_eq "policy list --json exit status" 0 "$rc"
expect_eq "policy list --json" "[]" "$out"
pass
