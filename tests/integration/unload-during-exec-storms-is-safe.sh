#!/bin/bash
# Unloading and reloading the module 20 times while two exec storms run
# under a prevent policy: every image exec runs (none is refused or lost),
# nothing is missed, and the kernel log stays clean (the harness checks).
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
in_container /bin/exec-storm /bin/hello 400 >"$C"/storm-image &
in_container /bin/exec-storm /tmp/dropped 400 >"$C"/storm-drift &
for i in $(seq 20); do
	rmmod driftguard
	insmod "$DG_KO"
	"$DRIFTCTL" policy set "$CG" --mode prevent
done
wait
expect_eq "image storm" "ran=400 denied=0 other=0" "$(cat "$C"/storm-image)"
expect_match "drifted storm" '^ran=[0-9]+ denied=[0-9]+ other=0$' "$(cat "$C"/storm-drift)"
expect_eq "missed" 0 "$(stat_value missed)"
pass
