#!/bin/bash
# The kernel patches its own hot code (the sched_schedstats static key,
# flipped 600 times: text_poke_bp() on paths every exec and context switch
# runs) while two exec storms run through our hooks under a prevent
# policy: every image exec runs, every drifted one is refused, and the
# kernel log stays clean (the harness checks it).
#
# This also guards the harness: under multi-threaded TCG a vCPU can keep
# running an int3 of such a patch after memory holds the final instruction
# (6.1 loops in a soft lockup, 6.12 dies with "Oops: int3"; see the note in
# tests/vm/run). It does so within a few hundred flips, module or not;
# single-threaded TCG does not.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
knob=/proc/sys/kernel/sched_schedstats
[ -w "$knob" ] || fail "$knob is missing: the kernel has no CONFIG_SCHEDSTATS"
at_exit sh -c "echo $(cat "$knob") >$knob"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped

storm /bin/hello "$C"/storm-image & s1=$!
storm /tmp/dropped "$C"/storm-drift & s2=$!
for i in $(seq 600); do
	echo 1 >"$knob"
	echo 0 >"$knob"
done
storms_stop
wait "$s1" "$s2"
# Each storm ran its rounds: a tally that is missing or short proves nothing.
[ "$(wc -l <"$C"/storm-image)" -ge 3 ] || fail "the image storm ran fewer than 3 rounds"
[ "$(wc -l <"$C"/storm-drift)" -ge 3 ] || fail "the drifted storm ran fewer than 3 rounds"
expect_eq "image execs refused or failed" "" \
	"$(grep -v '^ran=20 denied=0 other=0$' "$C"/storm-image || true)"
expect_eq "drifted execs that ran or failed otherwise" "" \
	"$(grep -v '^ran=0 denied=20 other=0$' "$C"/storm-drift || true)"
pass
