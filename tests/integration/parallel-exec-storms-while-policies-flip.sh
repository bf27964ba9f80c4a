#!/bin/bash
# Four parallel exec storms of drifted and image binaries while the policy
# is replaced 1,000 times: every drifted exec is denied, every image exec
# runs, nothing is missed, the kernel log stays clean.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
cp "$DRIFTCTL" /tmp/driftctl-storm   # exec from tmpfs, not 9p
missed0=$(stat_value missed)
for i in 1 2; do
	in_container /bin/exec-storm /tmp/dropped 300 >"$C"/drift.$i &
	in_container /bin/exec-storm /bin/hello 300 >"$C"/image.$i &
done
for i in $(seq 500); do
	"$DRIFTCTL" policy set "$CG" --mode prevent --watch nothing-$i
	"$DRIFTCTL" policy set "$CG" --mode prevent --deny nothing-$i
done
wait
for i in 1 2; do
	expect_eq "drifted storm $i" "ran=0 denied=300 other=0" "$(cat "$C"/drift.$i)"
	expect_eq "image storm $i" "ran=300 denied=0 other=0" "$(cat "$C"/image.$i)"
done
expect_eq "missed" "$missed0" "$(stat_value missed)"
pass
