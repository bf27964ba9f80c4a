#!/bin/bash
# Benchmark, run in the VM under -icount (guest ns = guest instructions):
# the cost of program starts without the module, with it and no policy,
# with a prevent policy, with 10,000 policies, and with an empty bpftrace
# kprobe on the same hook for comparison. Prints a table of ratios.
set -eu
. "$DG_SRC/tests/lib.sh"
N=${DG_BENCH_N:-200}
F=${DG_BENCH_FAIL_N:-1000}

# A container rootfs on overlay, all on tmpfs: no 9p I/O in the timed loops.
container_create
cp "$BIN"/spawn-bench "$C"/image/bin/
printf 'not a program\n' >"$C"/image/bin/text
container_umount
container_mount

run() { # WHAT FILE N
	in_container /bin/spawn-bench "$1" "$2" "$3"
}

measure() { # LABEL
	local s d f
	s=$(run spawn /bin/hello "$N")
	d=$(run spawn /bin/hello-dyn "$N")
	f=$(run fail /bin/text "$F")
	printf '%s|%s|%s|%s\n' "$1" "$s" "$d" "$f" >>"$C"/results
}

: >"$C"/results
rmmod driftguard
measure "no module"
if command -v bpftrace >/dev/null; then
	bpftrace -e 'kprobe:security_bprm_check {}' >"$C"/bpftrace.log 2>&1 &
	bt=$!
	for i in $(seq 300); do
		grep -q Attaching "$C"/bpftrace.log && break
		sleep 0.1
	done
	sleep 2
	measure "empty bpftrace kprobe"
	kill -INT "$bt"
	wait "$bt" || true
fi
insmod "$DG_KO"
measure "module, no policy"
"$DRIFTCTL" policy set "$CG" --mode prevent --memfd prevent --volume prevent --mmap prevent
measure "prevent policy"
mkdir -p /sys/fs/cgroup/dgbench
for i in $(seq 10000); do mkdir /sys/fs/cgroup/dgbench/c$i; done
loaded=$("$BIN"/policy-bulk /sys/fs/cgroup/dgbench)
measure "prevent + $loaded policies"
"$DRIFTCTL" status | grep -E 'policies|missed|blocked'

awk -F'|' '
NR == 1 { s0 = $2; d0 = $3; f0 = $4 }
{ rows[NR] = $0; lab[NR] = $1; s[NR] = $2; d[NR] = $3; f[NR] = $4 }
END {
	printf "%-28s %14s %8s %14s %8s %16s %10s\n", "scenario", "static spawn", "ratio", \
		"dynamic spawn", "ratio", "exec check only", "delta"
	for (i = 1; i <= NR; i++)
		printf "%-28s %11d ns %8.4f %11d ns %8.4f %13d ns %+10d\n", lab[i], s[i], \
			s[i] / s0, d[i], d[i] / d0, f[i], f[i] - f0
	print "(guest ns under -icount shift=0 = guest instructions; minimum of 5 rounds;"
	print " exec check only = a failing execve (ENOEXEC), whose delta is the hook cost)"
}' "$C"/results | tee "$DG_OUT"/bench.txt
for i in $(seq 10000); do rmdir /sys/fs/cgroup/dgbench/c$i 2>/dev/null || true; done
