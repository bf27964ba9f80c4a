# SPDX-License-Identifier: GPL-2.0
# driftguard tests: helpers shared by the integration tests (run in the guest).
#
# A test sources this file, states what it shows in its banner, and ends with
# `pass`. Any failed expectation exits non-zero with a message saying what
# was expected and what happened. fail, pass, expect_eq, expect_match,
# wait_until and the at_exit cleanup stack come from tests/lib/common.sh,
# which host tests and the demo share; what is here needs the guest.

: "${DG_SRC:?run through tests/vm/run (DG_SRC is not set)}"
. "$DG_SRC/tests/lib/common.sh"
: "${DG_KVER:=$(uname -r)}"
DRIFTCTL=$DG_SRC/build/bin/driftctl
# The harness runs the guest under stdbuf, which preloads its library into
# every process: container processes must not inherit that mapping.
unset LD_PRELOAD _STDBUF_I _STDBUF_O _STDBUF_E
DG_KO=$DG_SRC/build/$DG_KVER/driftguard.ko

module_loaded() {
	# Read by the shell itself: tests and their clean-ups ask this often,
	# and every program started in the guest costs (TCG, binaries over 9p).
	local l
	while read -r l; do
		[[ $l != "driftguard "* ]] || return 0
	done </proc/modules
	return 1
}

# Leaves the module loaded, whatever the test did with it.
ensure_module_loaded() {
	module_loaded || insmod "$DG_KO"
}

BIN=$DG_SRC/build/bin

# --- a container: overlay rootfs (image = lower, empty upper), own cgroup ---

# container_create: sets C (its directory), ROOT (its mounted rootfs) and
# CG (its cgroup), and registers its container_destroy with at_exit. The
# image holds busybox, static and dynamic test programs, the dynamic loader
# and libc, and /usr/bin/apt-get: a plain copy (cp -R, no hard links: the
# module judges a lower file with more than one link apart) of the image
# template (image_template), fresh files for every container.
container_create() {
	C=$(mktemp -d /tmp/dgc.XXXXXX)
	ROOT=$C/root
	CG=/sys/fs/cgroup/dgtest-${C##*.}
	at_exit container_destroy "$C"
	image_template
	cp -R "$DG_IMAGE_TEMPLATE" "$C"/image
	mkdir "$C"/upper "$C"/work "$ROOT"
	container_mount
	mkdir "$CG"
}

# The image every container starts from, made once per boot by the first
# container_create (from the host's busybox, ld.so and libc and build/bin's
# test programs, all read over 9p) in the guest's tmpfs.
DG_IMAGE_TEMPLATE=/run/dg-image-template

# image_template: makes $DG_IMAGE_TEMPLATE unless it is there: built
# aside and renamed into place, so a container never copies half of one.
image_template() {
	[ -d "$DG_IMAGE_TEMPLATE" ] && return 0
	local t img a
	t=$(mktemp -d "$DG_IMAGE_TEMPLATE".XXXXXX)
	img=$t/image
	mkdir -p "$img"/bin "$img"/usr/bin "$img"/lib64 "$img"/lib/x86_64-linux-gnu \
		"$img"/etc "$img"/tmp "$img"/proc "$img"/data
	cp /bin/busybox "$img"/bin/busybox
	for a in sh cat cp chmod ln mv echo ls rm mkdir env true sleep; do
		ln -s busybox "$img"/bin/$a
	done
	cp "$BIN"/hello "$BIN"/hello-dyn "$BIN"/memfd-exec "$BIN"/fd-exec \
		"$BIN"/exec-storm "$BIN"/exec-or-wait "$BIN"/memexec "$BIN"/dlopen-lib \
		"$BIN"/netprobe "$BIN"/xattr "$img"/bin/
	cp "$BIN"/hello "$img"/usr/bin/apt-get
	cp -L /lib64/ld-linux-x86-64.so.2 "$img"/lib64/
	cp -L /lib/x86_64-linux-gnu/libc.so.6 "$img"/lib/x86_64-linux-gnu/
	echo 'root:x:0:0:root:/root:/bin/sh' >"$img"/etc/passwd
	mv -T "$img" "$DG_IMAGE_TEMPLATE" 2>/dev/null || [ -d "$DG_IMAGE_TEMPLATE" ] ||
		fail "cannot make the image template $DG_IMAGE_TEMPLATE"
	rm -rf "$t"
}

# container_mount: mounts the rootfs overlay (again, after container_umount);
# OVL_OPTS adds mount options (OVL_OPTS=metacopy=on, as Podman may set).
container_mount() {
	mount -t overlay overlay \
		-o "lowerdir=$C/image,upperdir=$C/upper,workdir=$C/work${OVL_OPTS:+,$OVL_OPTS}" "$ROOT"
	mount -t proc proc "$ROOT"/proc
}

# image_add PROGRAM...: copies host programs with the libraries they link
# into the image ($C/image, under their own paths): between
# container_umount and container_mount.
image_add() {
	local p l
	for p in "$@"; do
		mkdir -p "$C/image$(dirname "$p")"
		cp "$p" "$C/image$p"
		for l in $(ldd "$p" | grep -o '/[^ ]*'); do
			mkdir -p "$C/image$(dirname "$l")"
			cp -L "$l" "$C/image$l"
		done
	done
}

# image_add_dpkg: dpkg in the image, with an empty database as a Debian
# image has it (its lock files included), and /tmp/dgtest.deb in the
# image, a package of one file, /usr/share/dgtest/hello. Between
# container_umount and container_mount. Run it in the container as
# `env PATH=/usr/bin:/bin:/sbin /usr/bin/dpkg -i /tmp/dgtest.deb` (by its
# path: busybox's env would run its own dpkg applet for "dpkg").
image_add_dpkg() {
	local img=$C/image p=$C/dgtest
	image_add /usr/bin/dpkg /usr/bin/dpkg-deb /usr/bin/dpkg-split /usr/bin/tar
	# dpkg wants these in PATH; maintainer scripts would need more.
	mkdir -p "$img"/sbin "$img"/var/lib/dpkg/info "$img"/var/lib/dpkg/updates \
		"$img"/var/lib/dpkg/triggers
	printf '#!/bin/sh\n' >"$img"/sbin/ldconfig
	printf '#!/bin/sh\n' >"$img"/sbin/start-stop-daemon
	chmod 755 "$img"/sbin/ldconfig "$img"/sbin/start-stop-daemon
	ln -s busybox "$img"/bin/diff
	: >"$img"/var/lib/dpkg/status
	: >"$img"/var/lib/dpkg/lock
	: >"$img"/var/lib/dpkg/lock-frontend
	mkdir -p "$p"/DEBIAN "$p"/usr/share/dgtest
	printf '%s\n' 'Package: dgtest' 'Version: 1.0' 'Architecture: all' \
		'Maintainer: driftguard tests <root@localhost>' \
		'Description: one file' >"$p"/DEBIAN/control
	echo hello >"$p"/usr/share/dgtest/hello
	dpkg-deb --root-owner-group --build "$p" "$img"/tmp/dgtest.deb >/dev/null
}

# volume_create: a tmpfs volume bind-mounted at /data in the container, as
# a runtime mounts an emptyDir; its host side is $C/data-volume.
volume_create() {
	mkdir "$C"/data-volume
	mount -t tmpfs tmpfs "$C"/data-volume
	mount --bind "$C"/data-volume "$ROOT"/data
}

container_umount() {
	umount "$ROOT"/proc
	umount "$ROOT"
}

# container_destroy [DIR]: takes the container made in DIR (default $C)
# away: the policies of its cgroup and of the cgroups below it, those
# cgroups, its mounts and files; leaves the module loaded. Does nothing
# for a container already destroyed, so a test may call it before the
# at_exit one runs.
container_destroy() {
	local -
	set +e
	local c=${1:-${C:-}} root cg d
	[ -n "$c" ] && [ -d "$c" ] || return 0
	root=$c/root
	cg=/sys/fs/cgroup/dgtest-${c##*.}
	for d in "$cg"/*/; do
		[ -d "$d" ] || continue
		module_loaded && "$DRIFTCTL" policy del "$d" >/dev/null 2>&1
		rmdir "$d"
	done
	module_loaded && "$DRIFTCTL" policy del "$cg" >/dev/null 2>&1
	rmdir "$cg" 2>/dev/null
	umount -R "$root" 2>/dev/null
	[ ! -d "$c"/data-volume ] || umount -R "$c"/data-volume 2>/dev/null
	rm -rf "$c"
	ensure_module_loaded
}

# in_container CMD...: runs CMD as a container process would: in the
# container's cgroup, in a mount namespace of its own, chrooted into its
# rootfs. Prints CMD's output (stderr too); returns its status. As with a
# real runtime, the first program run in the container's mount namespace is
# CMD from the rootfs (unshare chroots before it executes anything): the
# module anchors the container to the root of that first exec.
in_container() {
	# A subshell rather than sh -c: one program fewer to start per call.
	(
		echo "$BASHPID" >"$CG/cgroup.procs" || exit
		exec unshare -m -R "$ROOT" "$@" 2>&1
	)
}

# policy ARGS...: sets the container cgroup's policy.
policy() {
	"$DRIFTCTL" policy set "$CG" "$@" || fail "driftctl policy set $CG $*"
}

# chowned_image_binary_runs: a container under mode prevent whose image
# binary /bin/hello was chowned inside it (overlayfs copies it up for that
# alone: class metadata) and still runs; the start of the tests of what
# makes such a file upper. OVL_OPTS as for container_create.
chowned_image_binary_runs() {
	container_create
	policy --mode prevent
	in_container /bin/busybox chown 1:1 /bin/hello
	expect_runs /bin/hello >/dev/null
}

# drop BINARY NAME: copies a program into the container at runtime.
drop() {
	cp "$1" "$ROOT/$2"
	chmod 755 "$ROOT/$2"
}

# expect_runs CMD...: CMD runs in the container and exits 0.
expect_runs() {
	local out rc=0
	out=$(in_container "$@") || rc=$?
	[ "$rc" = 0 ] || fail "expected '$*' to run, it exited $rc: $out"
	printf '%s\n' "$out"
}

# expect_denied CMD...: CMD fails in the container with EPERM.
expect_denied() {
	local out rc=0
	out=$(in_container "$@") || rc=$?
	[ "$rc" != 0 ] || fail "expected '$*' to be denied, it ran: $out"
	[[ $out == *'Permission denied'* || $out == *'Operation not permitted'* ]] ||
		fail "expected '$*' to fail with EPERM, got (exit $rc): $out"
}

# --- events -----------------------------------------------------------------

# events_start: follows the events group into $C/events.json (stopped at
# exit if events_stop did not).
events_start() {
	"$DRIFTCTL" events --json >"$C"/events.json 2>"$C"/events.err &
	EVPID=$!
	at_exit events_kill
	wait_until --log "$C"/events.err 10 "driftctl events to start" \
		file_matches "$C"/events.err following
}

# events_kill: stops following, if events_start's driftctl still runs.
events_kill() {
	[ -z "${EVPID:-}" ] || kill "$EVPID" 2>/dev/null
	EVPID=
}

# events_stop: waits for queued events to arrive, then stops following.
events_stop() {
	pause 1
	kill "$EVPID"
	wait "$EVPID" 2>/dev/null || true
	EVPID=
}

# events_count REGEX: how many events match.
events_count() {
	grep -Ec -- "$1" "$C"/events.json || true
}

# expect_only_event WHAT REGEX: the run's events are one, matching REGEX.
expect_only_event() {
	expect_eq "$1 events" 1 "$(events_count "$2")"
	expect_eq "events" 1 "$(events_count .)"
}

# upper_file_under_files_prevent: a container whose /data/f ("v1") was
# written into the upper layer while files was detect (as the runtime or
# an earlier policy may leave a file there), then --files prevent.
upper_file_under_files_prevent() {
	container_create
	policy --files detect
	in_container /bin/sh -c 'echo v1 >/data/f'
	policy --files prevent
}

# files_policy_before_overlay: overlay.ko unloaded, then a files = prevent
# policy on a cgroup of its own (refused by the test if overlay.ko is in
# use); the module is reloaded at exit, so the tests after this one start
# afresh (once overlay.ko has gone it trusts no full copy of an image file,
# unchanged.c, and a hook lost then stays lost until a policy asks again).
files_policy_before_overlay() {
	local pre=/sys/fs/cgroup/dgtest-pre-$$
	at_exit ensure_module_loaded
	at_exit rmmod driftguard
	rmmod overlay 2>/dev/null || true
	! lsmod | grep -q '^overlay ' || fail "overlay.ko is in use: cannot show a policy before it loads"
	mkdir "$pre"
	at_exit rmdir "$pre"
	"$DRIFTCTL" policy set "$pre" --files prevent || fail "policy set without overlay.ko"
}

# stat_value NAME: a counter from driftctl status --json.
stat_value() {
	"$DRIFTCTL" status --json | grep -o "\"$1\":[0-9]*" | cut -d: -f2
}

# --- a real runc container on the same overlay rootfs -----------------------

# Docker's and containerd's default capability set (it has SYS_CHROOT).
RUNTIME_DEFAULT_CAPS="chown dac_override fsetid fowner mknod net_raw setgid
setuid setfcap setpcap net_bind_service sys_chroot kill audit_write"

# runc_run CMD...: runs CMD as the entrypoint of a runc container whose
# rootfs is $ROOT and whose cgroup is a child of $CG (so it inherits the
# policy set there). Prints the container's output; returns runc's status.
# Optional settings, as variables (e.g. RUNC_USER=65534 runc_run ...):
#   RUNC_CAPS    the process's capabilities, lower-case names without CAP_
#                ("" for none; default: runc spec's small set)
#   RUNC_USER    the uid (and gid) the entrypoint runs as (default 0)
#   RUNC_VOLUME  HOSTDIR:DIR, a bind-mounted volume at DIR
#   RUNC_SHM_EXEC=1  /dev/shm without noexec, as a Kubernetes memory-backed
#                emptyDir mounted there (a common way to enlarge it) is
#   RUNC_USERNS=1  a user namespace of the container's own (root in it is
#                uid 100000 outside), as Docker's userns-remap or a
#                Kubernetes pod with hostUsers: false has
runc_run() {
	local id=dg${C##*.} bundle=$C/bundle
	mkdir -p "$bundle"
	(cd "$bundle" && rm -f config.json && runc spec)
	python3 - "$bundle/config.json" "$ROOT" "/${CG#/sys/fs/cgroup/}/$id" "$@" <<'PY'
import json, os, sys
path, root, cgroup, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
c = json.load(open(path))
c["root"] = {"path": root, "readonly": False}
c["process"]["terminal"] = False
c["process"]["args"] = args
c["linux"]["cgroupsPath"] = cgroup
env = os.environ
# The host's network (no network set-up needed); a container with a user
# namespace keeps its own, or it cannot mount sysfs.
if env.get("RUNC_USERNS") != "1":
    c["linux"]["namespaces"] = [n for n in c["linux"]["namespaces"] if n["type"] != "network"]
if "RUNC_CAPS" in env:
    caps = ["CAP_" + n.upper() for n in env["RUNC_CAPS"].split()]
    c["process"]["capabilities"] = {k: caps for k in ("bounding", "effective", "permitted")}
if env.get("RUNC_USER"):
    c["process"]["user"] = {"uid": int(env["RUNC_USER"]), "gid": int(env["RUNC_USER"])}
if env.get("RUNC_VOLUME"):
    src, dst = env["RUNC_VOLUME"].split(":")
    c["mounts"].append({"destination": dst, "type": "bind", "source": src,
                        "options": ["rbind", "rw"]})
if env.get("RUNC_SHM_EXEC") == "1":
    for m in c["mounts"]:
        if m["destination"] == "/dev/shm":
            m["options"] = [o for o in m["options"] if o != "noexec"]
if env.get("RUNC_USERNS") == "1":
    c["linux"]["namespaces"].append({"type": "user"})
    m = [{"containerID": 0, "hostID": 100000, "size": 65536}]
    c["linux"]["uidMappings"] = m
    c["linux"]["gidMappings"] = m
json.dump(c, open(path, "w"))
PY
	runc run --bundle "$bundle" "$id" 2>&1
}

require_runc() {
	command -v runc >/dev/null || fail "runc is not installed (scripts/bootstrap installs it)"
}

# --- driftguardd --------------------------------------------------------------

# dgd_config [LINE...]: writes $C/etc/driftguard.conf: the JSON log at
# $C/events.jsonl, journald and syslog off, then LINEs (later keys win
# nothing: give only keys not set here, or set them all yourself).
dgd_config() {
	mkdir -p "$C"/etc/policy.d
	{
		echo "[daemon]"
		echo "log_json = $C/events.jsonl"
		local l have_journald=0 have_syslog=0
		for l in "$@"; do
			case $l in journald*) have_journald=1 ;; syslog\ *|syslog=*) have_syslog=1 ;; esac
		done
		[ "$have_journald" = 1 ] || echo "journald = no"
		[ "$have_syslog" = 1 ] || echo "syslog = no"
		for l in "$@"; do echo "$l"; done
	} >"$C"/etc/driftguard.conf
}

# dgd_policy NAME LINE...: writes $C/etc/policy.d/NAME.conf, one
# [policy NAME] section with LINEs.
dgd_policy() {
	local name=$1 l
	shift
	mkdir -p "$C"/etc/policy.d
	{
		echo "[policy $name]"
		for l in "$@"; do echo "$l"; done
	} >"$C"/etc/policy.d/"$name".conf
}

# dgd_start: runs driftguardd on $C/etc (stdout in $C/dgd.out, stderr in
# $C/dgd.err) and waits until it is ready: its first sync is done, so every
# policy its files name is in force in the module. It is stopped at exit if
# dgd_stop did not.
dgd_start() {
	"$BIN"/driftguardd --config-dir "$C"/etc >"$C"/dgd.out 2>"$C"/dgd.err &
	DGD_PID=$!
	at_exit dgd_kill
	wait_until --log "$C"/dgd.err 20 "driftguardd to be ready" \
		file_matches "$C"/dgd.err "ready: the module's policies are set"
}

# dgd_kill: SIGTERM to driftguardd, if it still runs, and wait for it.
dgd_kill() {
	if [ -n "${DGD_PID:-}" ]; then
		kill "$DGD_PID" 2>/dev/null
		wait "$DGD_PID" 2>/dev/null
	fi
	DGD_PID=
	return 0
}

# expect_no_response CMD: runs "CMD; exec sleep 600" in the container in
# the background; once driftguardd has written CMD's drift record, the
# container must still run and no "response" record may have been written.
expect_no_response() {
	in_container /bin/sh -c "$1; exec /bin/sleep 600" >/dev/null 2>&1 &
	local pid=$!
	kill_at_exit "$pid"
	wait_until 10 "the drift record of '$1'" grep -q '"record":"drift"' "$C"/events.jsonl
	# A response follows its record at once, in the same loop turn.
	pause 1
	! grep -q '"record":"response"' "$C"/events.jsonl ||
		fail "a response was written: $(grep '"record":"response"' "$C"/events.jsonl)"
	kill -0 "$pid" 2>/dev/null || fail "the container's process is gone"
	[ -n "$(cat "$CG"/cgroup.procs)" ] || fail "the container's cgroup is empty"
}

# dgd_stop: SIGTERM, and driftguardd must exit 0.
dgd_stop() {
	kill -TERM "$DGD_PID"
	wait "$DGD_PID" || fail "driftguardd exited $? on SIGTERM: $(cat "$C"/dgd.err)"
	DGD_PID=
}

# records REGEX: how many lines of the JSON log match.
records() {
	grep -Ec -- "$1" "$C"/events.jsonl 2>/dev/null || true
}

# journald_start: runs a real systemd-journald (it opens its own sockets
# when not socket-activated; volatile storage in /run/log/journal).
journald_start() {
	mkdir -p /run/systemd/journal /run/log/journal
	/lib/systemd/systemd-journald >/dev/null 2>&1 &
	kill_at_exit $!
	wait_until 10 "systemd-journald's socket" test -S /run/systemd/journal/socket
}

# rsyslogd_start: runs a real rsyslogd with the configuration on stdin
# ($C/rsyslog.conf), which must listen on $C/syslog.sock.
rsyslogd_start() {
	cat >"$C"/rsyslog.conf
	rsyslogd -n -f "$C"/rsyslog.conf -i "$C"/rsyslogd.pid >"$C"/rsyslogd.out 2>&1 &
	kill_at_exit $!
	wait_until --log "$C"/rsyslogd.out 10 "rsyslogd to open $C/syslog.sock" \
		test -S "$C"/syslog.sock
}

# cg_rel: the container's cgroup relative to the cgroup2 mount.
cg_rel() {
	echo "${CG#/sys/fs/cgroup/}"
}

# --- attack routes -------------------------------------------------------------

# A container-side attack script prints "SETUP-FAILED: <step>" and exits when
# a step before the attempt itself fails, so that a broken set-up is never
# taken for a refusal. The dropped program is tests/tools/hello, which prints
# "hello from ..." when it runs.

# expect_refused WHAT OUTPUT: the attack's OUTPUT shows the set-up went
# through, the program (a copy of tests/tools/hello) did not run, and the attempt
# got EPERM.
expect_refused() {
	case $2 in
	*SETUP-FAILED*) fail "$1: the set-up failed, the route was not tried: $2" ;;
	*"hello from"*) fail "$1: it ran: $2" ;;
	esac
	expect_match "$1: refused with EPERM" 'Operation not permitted' "$2"
}

# BLOCKED_EXEC: an event regex: a blocked exec of a file whose path ends in
# "dropped" (the path is as the module reports it, whatever the route).
BLOCKED_EXEC='"action":"blocked","class":"[a-z]+","hook":"exec".*"path":"[^"]*dropped"'

# --- another ftrace user -------------------------------------------------------

# hold_function FUNC: FUNC held by another IPMODIFY ftrace user
# (tests/modules/dg_ipmodify_holder.ko, a stand-in for a livepatch), let go
# at exit or by release_function.
hold_function() {
	insmod "$DG_SRC/build/$DG_KVER/tests/dg_ipmodify_holder.ko" func="$1" ||
		fail "could not hold $1 with dg_ipmodify_holder.ko"
	at_exit release_function
}

release_function() {
	rmmod dg_ipmodify_holder 2>/dev/null
	return 0
}

# expect_policy_refused REGEX ARGS...: `driftctl policy set $CG ARGS` fails,
# its message matches REGEX, and the module holds no policy after it.
expect_policy_refused() {
	local re=$1 rc=0 out
	shift
	out=$("$DRIFTCTL" policy set "$CG" "$@" 2>&1) || rc=$?
	[ "$rc" != 0 ] || fail "driftctl policy set $CG $* succeeded: $out"
	expect_match "driftctl's message" "$re" "$out"
	expect_eq "policies after the refusal" '[]' "$("$DRIFTCTL" policy list --json)"
}

# --- capabilities -------------------------------------------------------------

# with_caps CAP[,CAP...] CMD...: runs CMD as nobody (uid 65534) holding only
# these capabilities (e.g. net_admin), as ambient ones, so they survive exec.
with_caps() {
	local caps=+${1//,/,+}
	shift
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all,"$caps" --ambient-caps=-all,"$caps" "$@"
}

# --- exec storms ------------------------------------------------------------------

# storm FILE OUT: in the container, rounds of 20 execs of FILE (one
# exec-storm tally line per round to OUT), at least 3, until storms_stop.
# Run it in the background while the test does what the storm must survive.
storm() {
	local rounds=0
	while [ "$rounds" -lt 3 ] || [ ! -e "$C"/storms-stop ]; do
		in_container /bin/exec-storm "$1" 20
		rounds=$((rounds + 1))
	done >"$2"
}

storms_stop() {
	touch "$C"/storms-stop
}

# --- large policies -------------------------------------------------------------

# long_pattern PREFIX N: a list entry of exactly 255 bytes (the longest
# allowed), PREFIX followed by N zero-padded.
long_pattern() {
	printf '%s%0*d' "$1" $((255 - ${#1})) "$2"
}

# --- metrics and health ---------------------------------------------------------

# The metrics_listen address the metrics tests give driftguardd.
DGD_METRICS=127.0.0.1:9464

# metric SAMPLE: the value of SAMPLE (NAME, or NAME{LABELS} as driftguardd
# writes them) on driftguardd's /metrics; nothing when absent or not served.
metric() {
	curl -sf "http://$DGD_METRICS/metrics" | awk -v s="$1" '$1 == s { print $2 }'
}

# health PATH: "CODE BODY" of driftguardd's PATH (/healthz, /livez).
health() {
	local code
	code=$(curl -s -o "$C"/health.body -w '%{http_code}' "http://$DGD_METRICS$1") || true
	echo "$code $(cat "$C"/health.body 2>/dev/null)"
}

# Debian's dockerd and containerd on the prepared images (tests/lib/runtimes.sh).
. "$DG_SRC/tests/lib/runtimes.sh"
# The scenarios both runtimes run (tests/lib/playbook.sh).
. "$DG_SRC/tests/lib/playbook.sh"
