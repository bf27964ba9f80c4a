#!/bin/bash
# With the module not loaded, `driftctl status` exits non-zero (3) and says
# that the module is not loaded.
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded

rmmod driftguard
rc=0
err=$("$DRIFTCTL" status 2>&1 >/dev/null) || rc=$?
expect_eq "exit status" 3 "$rc"
expect_match "message" 'module is not loaded' "$err"
pass
