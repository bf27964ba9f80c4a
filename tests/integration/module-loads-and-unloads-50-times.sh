#!/bin/bash
# The module loads and unloads cleanly 50 times in a row, and its family
# comes and goes with it.
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded

# The same module, read from tmpfs rather than 50 times over 9p.
ko=$(mktemp /tmp/driftguard.XXXXXX.ko)
at_exit rm -f "$ko"
cp "$DG_KO" "$ko"
module_loaded && rmmod driftguard
for i in $(seq 50); do
	insmod "$ko" || fail "insmod failed on round $i"
	module_loaded || fail "module not listed after insmod on round $i"
	rmmod driftguard || fail "rmmod failed on round $i"
	! module_loaded || fail "module still listed after rmmod on round $i"
done
pass
