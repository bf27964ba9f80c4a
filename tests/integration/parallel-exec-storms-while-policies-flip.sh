#!/bin/bash
# Four parallel exec storms of drifted and image binaries run for as long
# as the policy is being replaced 1,000 times: every drifted exec is
# denied, every image exec runs, nothing is missed, the kernel log stays
# clean (the harness checks it).
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
missed0=$(stat_value missed)

storm /tmp/dropped "$C"/drift.1 & s1=$!
storm /tmp/dropped "$C"/drift.2 & s2=$!
storm /bin/hello "$C"/image.1 & s3=$!
storm /bin/hello "$C"/image.2 & s4=$!
sleep 1
# 1,000 replacements over one socket, racing the storms.
flips=$("$BIN"/policy-flip "$CG" 1000) || fail "policy flipping failed"
storms_stop
wait "$s1" "$s2" "$s3" "$s4"
expect_eq "policy replacements" 1000 "$flips"

# total FILE: sums the "ran=R denied=D other=O" lines of a storm.
total() {
	awk -F'[= ]' '{ r += $2; d += $4; o += $6 } END { printf "%d %d %d", r, d, o }' "$1"
}
for i in 1 2; do
	read -r ran denied other <<<"$(total "$C"/drift.$i)"
	[ "$ran" = 0 ] && [ "$other" = 0 ] && [ "$denied" -gt 0 ] ||
		fail "drifted storm $i: ran=$ran denied=$denied other=$other"
	read -r ran denied other <<<"$(total "$C"/image.$i)"
	[ "$denied" = 0 ] && [ "$other" = 0 ] && [ "$ran" -gt 0 ] ||
		fail "image storm $i: ran=$ran denied=$denied other=$other"
	echo "storm $i: drifted denied $(total "$C"/drift.$i | cut -d' ' -f2), image ran $ran"
done
expect_eq "missed" "$missed0" "$(stat_value missed)"
pass
