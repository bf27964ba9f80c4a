#!/bin/bash
# Benchmark of the network and file decisions, run in the VM under
# -icount (guest ns = guest instructions). Three tables, each from the
# same boot, each row against the same rows without the module, with an
# empty bpftrace kprobe on the hook the decision runs on, and with the
# module and no policy (the hooks are not installed):
# - connect: the cheapest round of UDP connect(2) calls to 127.0.0.1:9
#   from a container, under connect = prevent with loopback judged and an
#   allow list of 8 entries whose last one matches (the whole list is
#   walked);
# - listen: the cheapest round of listen(2) calls on a TCP socket bound to
#   127.0.0.1:9000 (again on a listening socket it only sets the backlog,
#   and is judged each time), under listen = prevent with loopback judged
#   and a listen_allow of 8 entries whose last one matches;
# - create: the cheapest round of creations of new files in the
#   container's /tmp (its overlay rootfs, not a volume), under
#   files = prevent with the default writable list, allowed as /tmp is in
#   it (the path is built and the list walked). A creation on overlay
#   passes security_inode_create twice (the overlay's name, then the upper
#   layer's) and security_dentry_create_files_as once: the kprobe row has
#   an empty probe on both, as the module hooks both.
# - open: the cheapest round of opens for reading (and closes) of an image
#   file (/bin/hello) of the container's rootfs, under files = prevent:
#   overlayfs' own open (ovl_open) is hooked to judge opens for writing of
#   files already in the upper layer, and a read returns after its flags
#   are looked at. The kprobe row has an empty probe on ovl_open.
# - append: the same for opens for appending (writing nothing) of a file
#   already in the upper layer under /tmp (writable): the open is judged in
#   full (the upper copy read, the path built, the writable list walked)
#   and allowed.
# Prints a table of deltas per call for each. DG_BENCH_NET_TABLES names
# the tables to measure (default: all five).
set -eu
. "$DG_SRC/tests/lib.sh"
N=${DG_BENCH_CONNECTS:-50}
ROUNDS=${DG_BENCH_CONNECT_ROUNDS:-400}
CREATES=${DG_BENCH_CREATES:-20}
CREATE_ROUNDS=${DG_BENCH_CREATE_ROUNDS:-40}
OPENS=${DG_BENCH_OPENS:-50}
OPEN_ROUNDS=${DG_BENCH_OPEN_ROUNDS:-200}
TABLES=${DG_BENCH_NET_TABLES:-connect listen create open append}
# Each row runs this many times, each in a new process; the cheapest run
# counts, as in guest.sh (see cheapest() there).
REPEAT=${DG_BENCH_REPEAT:-3}

container_create
container_umount
cp "$BIN"/create-bench "$C"/image/bin/
container_mount
# A file of the upper layer, as the runtime or an earlier policy leaves one.
echo a >"$ROOT"/tmp/a
measure() { # TABLE LABEL
	local i out runs=() cmd
	case $1 in
	connect) cmd=(/bin/netprobe bench "$N" "$ROUNDS" 127.0.0.1 9) ;;
	listen) cmd=(/bin/netprobe bench-listen "$N" "$ROUNDS" 127.0.0.1 9000) ;;
	create) cmd=(/bin/create-bench "$CREATES" "$CREATE_ROUNDS" /tmp) ;;
	open) cmd=(/bin/create-bench open "$OPENS" "$OPEN_ROUNDS" /bin/hello) ;;
	append) cmd=(/bin/create-bench append "$OPENS" "$OPEN_ROUNDS" /tmp/a) ;;
	esac
	case " $TABLES " in *" $1 "*) ;; *) return 0 ;; esac
	echo "bench: measuring: $1: $2" >&2
	for i in $(seq "$REPEAT"); do
		out=$(in_container "${cmd[@]}") || fail "${cmd[*]}: $out"
		runs+=("$out")
	done
	echo "bench: $1: $2: ${runs[*]}" >&2
	printf '%s|%s\n' "$2" "$(printf '%s\n' "${runs[@]}" | sort -n | head -n 1)" \
		>>"$C"/results.$1
}
measure_all() { # LABEL
	measure connect "$1"
	measure listen "$1"
	measure create "$1"
	measure open "$1"
	measure append "$1"
}

for t in $TABLES; do : >"$C"/results.$t; done
# overlay.ko stays loaded: no row pays for ovl_open's hook coming and going.
rmmod driftguard
measure_all "no module"
if command -v bpftrace >/dev/null; then
	# One probe per table's hook; each table's calls hit only their own.
	bpftrace -e 'kprobe:security_socket_connect, kprobe:security_socket_listen,
		kprobe:security_inode_create,
		kprobe:security_dentry_create_files_as, kprobe:ovl_open {}' >"$C"/bpftrace.log 2>&1 &
	bt=$!
	poll_until 60 grep -q Attaching "$C"/bpftrace.log ||
		echo "bench: bpftrace did not say it attached within 60 s" >&2
	sleep 2
	measure_all "empty bpftrace kprobe"
	kill -INT "$bt"
	wait "$bt" || true
fi
insmod "$DG_KO"
measure_all "module, no policy"
allow=()
for i in 1 2 3 4 5 6 7; do allow+=(--connect-allow "10.$i.0.0/16:443"); done
"$DRIFTCTL" policy set "$CG" --mode prevent --connect prevent --loopback no \
	"${allow[@]}" --connect-allow 127.0.0.0/8
measure connect "connect prevent, 8 entries"
allow=()
for i in 1 2 3 4 5 6 7; do allow+=(--listen-allow "tcp:800$i"); done
"$DRIFTCTL" policy set "$CG" --mode prevent --listen prevent --loopback no \
	"${allow[@]}" --listen-allow tcp:9000
measure listen "listen prevent, 8 entries"
"$DRIFTCTL" policy set "$CG" --mode prevent --files prevent
measure create "files prevent, in /tmp"
measure open "files prevent, read"
measure append "files prevent, in /tmp"
"$DRIFTCTL" status | grep -E 'net_checked|blocked_connect|blocked_listen|blocked_files'

for t in $TABLES; do
	awk -F'|' -v t="$t" '
	NR == 1 { c0 = $2 }
	{ printf "%-28s %8d ns per %s %+8d\n", $1, $2, t, $2 - c0 }
	' "$C"/results.$t
	echo
done | tee "$DG_OUT"/bench-net.txt
echo "(guest ns under -icount shift=0 = guest instructions; per row the cheapest of $REPEAT runs, each the cheapest of many short rounds)" |
	tee -a "$DG_OUT"/bench-net.txt
# The rows, TABLE: LABEL|PER CALL, for tests/bench/run's table.
for t in $TABLES; do
	sed "s/^/$t: /" "$C"/results.$t
done >"$DG_OUT"/bench-net.rows
