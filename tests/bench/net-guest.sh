#!/bin/bash
# Benchmark of a connect decision, run in the VM under -icount (guest ns =
# guest instructions): the cheapest round of UDP connect(2) calls to
# 127.0.0.1:9 from a container, without the module, with an empty bpftrace
# kprobe on security_socket_connect, with the module and no policy (the
# socket hooks are not installed), and under connect = prevent with
# loopback judged and an allow list of 8 entries whose last one matches
# (the whole list is walked). Prints a table of deltas per connect.
set -eu
. "$DG_SRC/tests/lib.sh"
N=${DG_BENCH_CONNECTS:-50}
ROUNDS=${DG_BENCH_CONNECT_ROUNDS:-400}
# Each row runs this many times, each in a new process; the cheapest run
# counts, as in guest.sh (see cheapest() there).
REPEAT=${DG_BENCH_REPEAT:-3}

container_create
measure() { # LABEL
	local i out runs=()
	echo "bench: measuring: $1" >&2
	for i in $(seq "$REPEAT"); do
		out=$(in_container /bin/netprobe bench "$N" "$ROUNDS" 127.0.0.1 9) ||
			fail "netprobe bench: $out"
		runs+=("$out")
	done
	echo "bench: $1: ${runs[*]}" >&2
	printf '%s|%s\n' "$1" "$(printf '%s\n' "${runs[@]}" | sort -n | head -n 1)" \
		>>"$C"/results
}

: >"$C"/results
rmmod driftguard
measure "no module"
if command -v bpftrace >/dev/null; then
	bpftrace -e 'kprobe:security_socket_connect {}' >"$C"/bpftrace.log 2>&1 &
	bt=$!
	poll_until 60 grep -q Attaching "$C"/bpftrace.log ||
		echo "bench: bpftrace did not say it attached within 60 s" >&2
	sleep 2
	measure "empty bpftrace kprobe"
	kill -INT "$bt"
	wait "$bt" || true
fi
insmod "$DG_KO"
measure "module, no policy"
allow=()
for i in 1 2 3 4 5 6 7; do allow+=(--connect-allow "10.$i.0.0/16:443"); done
"$DRIFTCTL" policy set "$CG" --mode prevent --connect prevent --loopback no \
	"${allow[@]}" --connect-allow 127.0.0.0/8
measure "connect prevent, 8 entries"
"$DRIFTCTL" status | grep -E 'net_checked|blocked_connect'

awk -F'|' '
NR == 1 { c0 = $2 }
{ printf "%-28s %8d ns per connect %+8d\n", $1, $2, $2 - c0 }
END { print "(guest ns under -icount shift=0 = guest instructions; per row the cheapest of '"$REPEAT"' runs, each the cheapest of many short rounds)" }
' "$C"/results | tee "$DG_OUT"/bench-net.txt
# The rows, LABEL|PER CONNECT, for tests/bench/run's table.
cp "$C"/results "$DG_OUT"/bench-net.rows
