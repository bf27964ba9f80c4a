#!/bin/bash
# The module loads and unloads cleanly 50 times in a row, and its family
# comes and goes with it.
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded

module_loaded && rmmod driftguard
for i in $(seq 50); do
	insmod "$DG_KO" || fail "insmod failed on round $i"
	module_loaded || fail "module not listed after insmod on round $i"
	rmmod driftguard || fail "rmmod failed on round $i"
	! module_loaded || fail "module still listed after rmmod on round $i"
done
pass
