#!/bin/bash
# The module loads and unloads cleanly 20 times in a row, and its family
# comes and goes with it. (Each round registers every hook and runs the
# verdict self-test: 20 rounds show a leak or a refused reload as well as
# 50 did, for 100 s less per kernel under TCG.)
set -eu
. "$DG_SRC/tests/lib.sh"
at_exit ensure_module_loaded

# The same module, read from tmpfs rather than 20 times over 9p.
ko=$(mktemp /tmp/driftguard.XXXXXX.ko)
at_exit rm -f "$ko"
cp "$DG_KO" "$ko"
module_loaded && rmmod driftguard
for i in $(seq 20); do
	insmod "$ko" || fail "insmod failed on round $i"
	module_loaded || fail "module not listed after insmod on round $i"
	rmmod driftguard || fail "rmmod failed on round $i"
	! module_loaded || fail "module still listed after rmmod on round $i"
done
pass
