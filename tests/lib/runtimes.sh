# SPDX-License-Identifier: GPL-2.0
# driftguard tests: Debian's dockerd, containerd and podman in the guest, on the prepared data roots.
#
# Sourced by tests/lib.sh. The images (scripts/build-images) are loaded once
# into the runtimes' data roots on an ext4 disk (tests/vm/runtime-disk),
# which tests/vm/run attaches with snapshot=on and guest-init mounts at
# /var/lib/dg-runtimes: a test finds the images there and its writes vanish
# with the VM. dockerd and containerd are started on first use and then
# shared by the tests of one boot (started with setsid, so the suite's kill
# of a finished test's process group leaves them running); every test still
# sets its own policy, runs its own containers and removes them.
#
# Both run as Debian configures them for a node without systemd as PID 1:
# dockerd with overlay2 and the cgroupfs driver (containers in
# /sys/fs/cgroup/docker/<id>), no bridge or iptables (containers get the
# host's network), on a containerd of its own started before it (see
# dockerd_up); containerd with the overlayfs snapshotter, `ctr run`
# putting a container in /sys/fs/cgroup/<namespace>/<id> (default/<id>);
# podman rootful, daemonless, with the overlay driver, runc, the cgroupfs
# cgroup manager (containers in /sys/fs/cgroup/libpod_parent/libpod-<id>)
# and its events in a file (no systemd, no journald).

DG_RT_ROOT=/var/lib/dg-runtimes
# Debian's client: /usr/local/bin/docker on a build machine may be another.
DOCKER_BIN=/usr/bin/docker
DOCKER_SOCK=/run/dg-docker.sock
CTR_SOCK=/run/dg-containerd/containerd.sock
DOCKER_CTRD_SOCK=/run/dg-docker/containerd/containerd.sock

docker() {
	"$DOCKER_BIN" -H "unix://$DOCKER_SOCK" "$@"
}

# pm ARGS...: podman on the disk's store (tests/vm/runtime-disk loaded it
# with the same options), its run state in /run.
pm() {
	podman --root "$DG_RT_ROOT/podman" --runroot /run/dg-podman \
		--tmpdir /run/dg-podman-tmp --storage-driver overlay \
		--cgroup-manager cgroupfs --events-backend file "$@"
}

ctr() {
	command ctr --address "$CTR_SOCK" "$@"
}

# A cold start is waited for on the daemon's own log line saying it serves
# its API (a grep, every 0.1 s), and only then asked once with the client:
# under TCG every start of docker or ctr (Go programs) costs about a second
# of the single emulated CPU the daemon's start-up needs, so a client polled
# every 0.1 s starved the start it waited for (the first Docker test of a
# loaded boot got no answer in 300 s), and wait_until's 1200 tries of it
# lasted far longer than the seconds it was given.

# rt_daemon_wait NAME LOG PIDFILE LINE SECONDS: waits until LOG has LINE,
# SECONDS of the clock at most (not of tries: a try forks under TCG too), so
# that a start that never ends fails with LOG before the suite's limit;
# fails at once, with LOG, if the process of PIDFILE (once written) exits.
# Says how long the start took.
rt_daemon_wait() {
	local name=$1 log=$2 pidfile=$3 line=$4 secs=$5 start=$SECONDS pid
	until [[ -r $log && $(<"$log") == *"$line"* ]]; do
		pid=$(cat "$pidfile" 2>/dev/null) || pid=
		[ -z "$pid" ] || kill -0 "$pid" 2>/dev/null ||
			fail "$name exited during its start; $log: $(cat "$log")"
		[ $((SECONDS - start)) -lt "$secs" ] ||
			fail "waited $secs s for $name to serve its API ($line); $log: $(cat "$log"); processes: $(pgrep -af 'dockerd|containerd')"
		pause 0.5
	done
	echo "$name serves its API after $((SECONDS - start)) s"
}

# dockerd_up: dockerd runs and answers (started if it does not).
#
# dockerd's containerd is started here first, and handed to dockerd with
# --containerd, as on a node where dockerd uses the system's containerd.
# Left to start it itself, dockerd gives it 15 s (moby's libcontainerd
# startupTimeout) and exits with "failed to start containerd: timeout
# waiting for containerd to start": the cold start of a TCG boot's first
# Docker test, its binaries not yet in the page cache, took longer, and
# that test got no dockerd; the next test started one, warm, in time.
# Same root, state and socket as dockerd's own would have.
dockerd_up() {
	# Started by an earlier test of this boot and still there: no client is
	# asked (a docker client costs 1-2 s under TCG, and the test's own docker
	# command says what a daemon that runs but does not answer says).
	[ -S "$DOCKER_SOCK" ] && pid_file_alive /run/dg-dockerd.launched.pid && return 0
	# Each client asks only where a socket is: ctr asked of none waits 10 s.
	[ -d "$DG_RT_ROOT/docker" ] || mkdir -p "$DG_RT_ROOT/docker"
	if ! { [ -S "$DOCKER_CTRD_SOCK" ] &&
		command ctr --address "$DOCKER_CTRD_SOCK" version >/dev/null 2>&1; }; then
		mkdir -p /run/dg-docker/containerd
		cat >/run/dg-docker/containerd/dg-config.toml <<EOF
version = 2
root = "$DG_RT_ROOT/docker/containerd/daemon"
state = "/run/dg-docker/containerd/daemon"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$DOCKER_CTRD_SOCK"
EOF
		setsid -f sh -c 'echo $$ >/run/dg-docker-containerd.pid &&
			exec /usr/bin/containerd --config /run/dg-docker/containerd/dg-config.toml' \
			</dev/null >/run/dg-docker-containerd.log 2>&1
		rt_daemon_wait "dockerd's containerd" /run/dg-docker-containerd.log \
			/run/dg-docker-containerd.pid "containerd successfully booted" 200
	fi
	# The launcher's pid file: dockerd removes its own --pidfile as it exits.
	setsid -f sh -c 'echo $$ >/run/dg-dockerd.launched.pid &&
		exec /usr/sbin/dockerd --data-root "$1" --exec-root /run/dg-docker \
		--pidfile /run/dg-docker.pid -H "unix://$2" --containerd "$3" \
		--storage-driver overlay2 --exec-opt native.cgroupdriver=cgroupfs \
		--iptables=false --ip-masq=false --bridge=none --userland-proxy=false' \
		sh "$DG_RT_ROOT/docker" "$DOCKER_SOCK" "$DOCKER_CTRD_SOCK" \
		</dev/null >/run/dg-dockerd.log 2>&1
	rt_daemon_wait dockerd /run/dg-dockerd.log /run/dg-dockerd.launched.pid \
		"API listen on $DOCKER_SOCK" 200
	docker version >/dev/null 2>&1 ||
		fail "dockerd serves its API but docker version fails: $(docker version 2>&1)"
}

# containerd_up: containerd runs and answers (started if it does not). Its
# CRI plugin is off: ctr needs none of it, and it wants CNI.
containerd_up() {
	[ -S "$CTR_SOCK" ] && pid_file_alive /run/dg-containerd.pid && return 0
	mkdir -p /run/dg-containerd "$DG_RT_ROOT/containerd"
	cat >/run/dg-containerd/config.toml <<EOF
version = 2
root = "$DG_RT_ROOT/containerd"
state = "/run/dg-containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$CTR_SOCK"
EOF
	setsid -f sh -c 'echo $$ >/run/dg-containerd.pid &&
		exec /usr/bin/containerd --config /run/dg-containerd/config.toml' \
		</dev/null >/run/dg-containerd.log 2>&1
	rt_daemon_wait containerd /run/dg-containerd.log /run/dg-containerd.pid \
		"containerd successfully booted" 200
	ctr version >/dev/null 2>&1 ||
		fail "containerd has booted but ctr version fails: $(ctr version 2>&1)"
}

# pid_file_alive FILE: the process whose pid FILE holds runs.
pid_file_alive() {
	local pid
	[ -r "$1" ] && read -r pid <"$1" && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# require_images: the prepared data roots are mounted.
require_images() {
	[ -d "$DG_RT_ROOT/docker" ] && [ -d "$DG_RT_ROOT/containerd" ] &&
		[ -d "$DG_RT_ROOT/podman" ] ||
		fail "no prepared runtime disk at $DG_RT_ROOT: run scripts/bootstrap (tests/vm/runtime-disk)"
}

# --- one container of RUNTIME (docker or containerd) under a policy -------------

# rt_policy RUNTIME [KEY=VALUE...]: starts RUNTIME (podman: none to start)
# and a driftguardd whose
# policy (default: mode, memfd, volume and mmap all prevent) covers the
# parent cgroup of RUNTIME's containers, before any container starts; the
# lines of RT_CONF (an array) go into its driftguard.conf too. Sets
# C (a scratch directory), RT, RT_PARENT (that parent cgroup), RT_REL (it,
# below the cgroup2 root), RT_PREFIX (what comes before a container's id in
# its cgroup's name) and RT_NAME (the next container's name: the 64 hex
# digits a runtime gives its ids).
rt_policy() {
	RT=$1
	shift
	require_images
	C=$(mktemp -d /tmp/dgrt.XXXXXX)
	# 64 hex digits, from bash's 32-bit $SRANDOM (getrandom): no od, no tr.
	printf -v RT_NAME '%08x' "$SRANDOM" "$SRANDOM" "$SRANDOM" "$SRANDOM" \
		"$SRANDOM" "$SRANDOM" "$SRANDOM" "$SRANDOM"
	at_exit rt_cleanup
	case $RT in
	docker) dockerd_up; RT_REL=docker RT_PREFIX= ;;
	containerd) containerd_up; RT_REL=default RT_PREFIX= ;;
	podman) RT_REL=libpod_parent RT_PREFIX=libpod- ;;
	*) fail "rt_policy: unknown runtime $RT" ;;
	esac
	RT_PARENT=/sys/fs/cgroup/$RT_REL
	mkdir -p "$RT_PARENT"
	local keys=("mode = prevent" "memfd = prevent" "volume = prevent" "mmap = prevent") kv
	[ $# = 0 ] || keys=()
	for kv in "$@"; do keys+=("${kv%%=*} = ${kv#*=}"); done
	# The runtimes' data roots, where records' image and name are read.
	dgd_config "${RT_CONF[@]}" "docker_root = $DG_RT_ROOT/docker" \
		"containerd_state = /run/dg-containerd/state" "podman_root = $DG_RT_ROOT/podman"
	dgd_policy "$RT" "cgroup = $RT_REL" "${keys[@]}"
	# dgd_start returns once driftguardd's first sync has set every policy.
	dgd_start
	"$DRIFTCTL" policy get "$RT_PARENT" >/dev/null ||
		fail "driftguardd is ready but no policy is on $RT_PARENT; its log: $(cat "$C"/dgd.err)"
}

# shellcheck disable=SC2317  # reached through at_exit
rt_cleanup() {
	# A container of RT_NAME that rt_run saw removed (--rm) is not removed
	# again: that would only cost a client's start (1-2 s under TCG).
	local live=1
	[ -z "${C:-}" ] || ! [ -r "$C/live" ] || read -r live <"$C/live"
	case $RT in
	docker) [ "$live" = 0 ] || docker rm -f "$RT_NAME" >/dev/null 2>&1 ;;
	containerd)
		if [ "$live" != 0 ]; then
			# rm -f kills a running task, then deletes it.
			ctr task rm -f "$RT_NAME" >/dev/null 2>&1
			ctr container rm "$RT_NAME" >/dev/null 2>&1
		fi
		local t
		for t in "${RT_TAGS[@]}"; do ctr images rm "$t" >/dev/null 2>&1; done
		;;
	podman)
		[ "$live" = 0 ] || pm rm -f -t 0 "$RT_NAME" >/dev/null 2>&1
		# conmon runs `podman container cleanup` as a container ends, on
		# its own time: let it finish (10 s at most).
		poll_until 10 podman_helpers_gone
		;;
	esac
	dgd_kill
	# Killed (the suite's limit) before rt_policy chose it: no policy yet.
	[ -z "${RT_PARENT:-}" ] || ! module_loaded ||
		"$DRIFTCTL" policy del "$RT_PARENT" >/dev/null 2>&1
	rm -rf "$C"
	return 0
}

# shellcheck disable=SC2317  # reached through poll_until
podman_helpers_gone() {
	! pgrep -f -- "--root $DG_RT_ROOT/podman" >/dev/null
}

# rt_ref IMAGE: IMAGE (dg/base, or a reference with a tag or a digest) as
# RT is told it: ctr wants the full name, podman its name for a short one.
rt_ref() {
	case $RT:$1 in
	containerd:*[:@]* | podman:*[:@]*) echo "$1" ;;
	containerd:*) echo "docker.io/$1:latest" ;;
	podman:*) echo "localhost/$1:latest" ;;
	*) echo "$1" ;;
	esac
}

# rt_image IMAGE: the image reference a record of a container of IMAGE
# names, as RT keeps it: docker as it was told, containerd and podman as
# they name what they imported (docker.io/dg/base:latest for `ctr image
# import`, localhost/dg/base:latest for `podman load`).
rt_image() {
	case $RT in
	docker) echo "$1" ;;
	containerd) echo "docker.io/$1:latest" ;;
	podman) echo "localhost/$1:latest" ;;
	esac
}

# rt_image_id IMAGE: IMAGE's id, the digest of its config (sha256:...).
rt_image_id() {
	local m
	case $RT in
	docker) docker image inspect -f '{{.Id}}' "$1" ;;
	containerd)
		m=$(ctr images ls | awk -v r="$(rt_ref "$1")" '$1 == r { print $3 }')
		ctr content get "$m" | jq -r .config.digest ;;
	podman) echo "sha256:$(pm image inspect -f '{{.Id}}' "$(rt_image "$1")")" ;;
	esac
}

# rt_run IMAGE CMD...: runs CMD as the entrypoint of a container of IMAGE
# (dg/base, dg/nginx, dg/pyapp, dg/gcc) and removes it; prints its output
# (stderr too) and returns its status. RT_OPTS (an array) adds options.
rt_run() {
	local image=$1 rc=0
	shift
	# Often run in a $(...): whether the container may still exist goes in
	# a file for rt_cleanup, not in a variable (written by the shell).
	echo 1 >"$C/live"
	case $RT in
	docker)
		docker run --rm --name "$RT_NAME" --cidfile "$C/cid" --network host "${RT_OPTS[@]}" \
			"$image" "$@" 2>&1 || rc=$?
		echo 0 >"$C/live"
		return "$rc" ;;
	containerd)
		ctr run --rm --net-host "${RT_OPTS[@]}" \
			"$(rt_ref "$image")" "$RT_NAME" "$@" 2>&1 || rc=$?
		echo 0 >"$C/live"
		return "$rc" ;;
	podman)
		# Not --rm: podman removes a --cidfile with the container, and
		# rt_id wants the id after it.
		pm run --name "$RT_NAME" --network host "${RT_OPTS[@]}" \
			"$(rt_ref "$image")" "$@" 2>&1 || rc=$?
		pm inspect -f '{{.Id}}' "$RT_NAME" >"$C/cid" 2>/dev/null
		pm rm -f -t 0 "$RT_NAME" >/dev/null 2>&1 && echo 0 >"$C/live"
		return "$rc" ;;
	esac
}
RT_OPTS=()
RT_CONF=()

# rt_shm_exec: the next container gets its own tmpfs on /dev/shm mounted
# without noexec (as a memory-backed volume would be), in RT's own syntax.
rt_shm_exec() {
	# shellcheck disable=SC2054  # the commas are the options' own
	case $RT in
	docker | podman) RT_OPTS=(--tmpfs /dev/shm:rw,exec,nosuid,nodev,size=65536k) ;;
	containerd) RT_OPTS=(--mount type=tmpfs,src=shm,dst=/dev/shm,options=rw:exec:nosuid:nodev) ;;
	esac
}

# rt_start IMAGE [CMD...]: starts a container of IMAGE in the background
# (with the image's command unless CMD is given).
rt_start() {
	rt_start_as "$RT_NAME" "$@"
	[ "$RT" != containerd ] || return 0
	# `docker run -d` and `podman run -d` print the new container's full id
	# as their last line: asking for it again would start another client.
	if [[ $RT_STARTED_OUT =~ (^|$'\n')([0-9a-f]{64})$ ]]; then
		echo "${BASH_REMATCH[2]}" >"$C/cid"
	else
		rt_id_of "$RT_NAME" >"$C/cid"
	fi
}

# rt_start_as NAME IMAGE [CMD...]: rt_start, the container named NAME (64
# hex digits for containerd, whose cgroups are named by it); rt_cleanup
# removes it only when NAME is RT_NAME (else see rt_rm). RT_STARTED_OUT is
# what the runtime's client printed.
rt_start_as() {
	local name=$1 image=$2 out
	shift 2
	[ "$name" != "$RT_NAME" ] || echo 1 >"$C/live"
	case $RT in
	docker)
		out=$(docker run -d --name "$name" --network host "${RT_OPTS[@]}" \
			"$image" "$@" 2>&1) || fail "docker run $image failed: $out" ;;
	containerd)
		out=$(ctr run -d --net-host "${RT_OPTS[@]}" "$(rt_ref "$image")" \
			"$name" "$@" 2>&1) || fail "ctr run $image failed: $out" ;;
	podman)
		out=$(pm run -d --name "$name" --network host "${RT_OPTS[@]}" \
			"$(rt_ref "$image")" "$@" 2>&1) || fail "podman run $image failed: $out" ;;
	esac
	RT_STARTED_OUT=$out
}

# rt_rm NAME: removes the container NAME, running or not.
rt_rm() {
	case $RT in
	docker) docker rm -f "$1" >/dev/null 2>&1 ;;
	containerd) ctr task rm -f "$1" >/dev/null 2>&1; ctr container rm "$1" >/dev/null 2>&1 ;;
	podman) pm rm -f -t 0 "$1" >/dev/null 2>&1 ;;
	esac
	return 0
}

# rt_id_of NAME: the full id of the container NAME.
rt_id_of() {
	case $RT in
	docker) docker inspect -f '{{.Id}}' "$1" ;;
	containerd) echo "$1" ;;
	podman) pm inspect -f '{{.Id}}' "$1" ;;
	esac
}

# rt_exec CMD...: runs CMD in the running container, as `docker exec` or
# `ctr task exec` does; prints its output, returns its status.
rt_exec() {
	case $RT in
	docker) docker exec "$RT_NAME" "$@" 2>&1 ;;
	containerd)
		ctr task exec --exec-id "x$RANDOM" "$RT_NAME" "$@" 2>&1 ;;
	podman) pm exec "$RT_NAME" "$@" 2>&1 ;;
	esac
}

# rt_id: the running container's full id.
rt_id() {
	case $RT in
	docker) cat "$C/cid" 2>/dev/null || docker inspect -f '{{.Id}}' "$RT_NAME" ;;
	containerd) echo "$RT_NAME" ;;
	podman) cat "$C/cid" 2>/dev/null || pm inspect -f '{{.Id}}' "$RT_NAME" ;;
	esac
}

# rt_cgroup: the running container's cgroup.
rt_cgroup() {
	echo "$RT_PARENT/$RT_PREFIX$(rt_id)"
}

# runtimes_stop: stops dockerd and containerd if they run, and waits for
# them to exit (tests/vm/runtime-disk-guest, before the disk is unmounted).
runtimes_stop() {
	local f pid
	for f in /run/dg-docker.pid /run/dg-docker-containerd.pid /run/dg-containerd.pid; do
		[ -f "$f" ] || continue
		pid=$(cat "$f")
		kill "$pid" 2>/dev/null || continue
		wait_until 60 "$f's process $pid to exit" sh -c "! kill -0 $pid 2>/dev/null"
	done
}

# expect_no_drift_record: driftguardd wrote no blocked or alerted record
# for the runtime's containers (a second after the work, for the queue).
expect_no_drift_record() {
	pause 1
	local bad
	bad=$(grep -E '"action":"(blocked|alerted)"' "$C"/events.jsonl 2>/dev/null || true)
	[ -z "$bad" ] || fail "drift records were written: $bad"
}

# expect_drift_record WHAT REGEX: driftguardd wrote a blocked record of
# this runtime matching REGEX, naming the runtime and, if one runs, the
# full container id.
expect_drift_record() {
	wait_until 10 "the blocked record of $1" file_matches "$C"/events.jsonl "\"action\":\"blocked\".*$2"
	local rec
	rec=$(grep -E -- "\"action\":\"blocked\".*$2" "$C"/events.jsonl | head -n 1)
	expect_match "$1: runtime in the record" "\"runtime\":\"$RT\"" "$rec"
	expect_match "$1: container id in the record" "\"container_id\":\"$(rt_id)\"" "$rec"
	expect_match "$1: cgroup in the record" "\"cgroup\":\"[^\"]*/$RT_REL/$RT_PREFIX$(rt_id)\"" "$rec"
	echo "record: $rec"
}

# --- the attacker's playbook --------------------------------------------------

# The attack scripts below run with the image's bash as a container's
# entrypoint. As in tests/lib.sh, a step before the attempt that fails
# prints "SETUP-FAILED: <step>"; the dropped program prints "hello from ..."
# when it runs (a copy of the image's echo, a script, or a gcc-built program).

# rt_attack IMAGE SCRIPT: runs SCRIPT with bash in a container of IMAGE;
# prints its output whatever its status.
rt_attack() {
	rt_run "$1" /bin/bash -c "$2" || true
}

# rt_dropped_binary_is_refused IMAGE: a container of IMAGE copies the
# image's echo to /tmp/dropped and runs it: refused, and driftguardd writes
# a blocked record of it naming the runtime and the container
# (expect_drift_record). DROPPED_RECORD is that record, for the caller's
# checks of the workload's fields.
rt_dropped_binary_is_refused() {
	local out
	out=$(rt_attack "$1" 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped')
	expect_refused "dropped binary" "$out"
	expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
	DROPPED_RECORD=$(grep -E '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
}

# expect_not_run WHAT OUTPUT: the set-up went through and the dropped code
# did not run (for routes where the refusal is a failed mapping, which the
# image's ld.so or python reports in words of its own).
expect_not_run() {
	case $2 in
	*SETUP-FAILED*) fail "$1: the set-up failed, the route was not tried: $2" ;;
	*"hello from"*) fail "$1: it ran: $2" ;;
	esac
	printf '%s\n' "$2"
}

# rt_container_name: the running container's name as RT keeps it ("" for
# containerd: `ctr run` gives a container an id and no name).
rt_container_name() {
	case $RT in
	containerd) echo "" ;;
	*) echo "$RT_NAME" ;;
	esac
}

# rt_digest_ref IMAGE: sets RT_REF to a reference to IMAGE by digest that
# RT runs. docker: the image id in full (sha256:...), which names content
# as NAME@sha256: does (`docker load` gives no registry digest to run by);
# containerd: IMAGE@<its manifest's digest>, the name `ctr image pull
# NAME@sha256:...` gives what it pulls (made here with `ctr image tag`,
# removed by rt_cleanup); podman: IMAGE@<the digest podman gives its
# manifest>, which it runs and keeps as the container's image name. Not in
# a $(...): that would lose the tag's clean-up.
rt_digest_ref() {
	local m
	case $RT in
	docker) RT_REF=$(rt_image_id "$1") ;;
	containerd)
		m=$(ctr images ls | awk -v r="$(rt_ref "$1")" '$1 == r { print $3 }')
		RT_REF=docker.io/$1@$m
		RT_TAGS+=("$RT_REF")
		ctr images tag "$(rt_ref "$1")" "$RT_REF" >/dev/null ||
			fail "ctr images tag $(rt_ref "$1") $RT_REF failed" ;;
	podman) RT_REF=localhost/$1@$(pm image inspect -f '{{.Digest}}' "$(rt_ref "$1")") ;;
	esac
}
RT_TAGS=()

# rt_record_with_broken_context HOW: a Docker container of dg/base runs
# (rt_policy docker first); HOW, a shell command run on the node with CFG
# set to the container's config.v2.json, breaks the container's metadata
# before driftguardd has read it; a binary the container drops and runs
# through docker exec is refused, and driftguardd still writes its record
# (runtime and full container id, no image fields: CTX_RECORD) and logs
# why the context is missing (CTX_LOG, its lines about the container).
rt_record_with_broken_context() {
	local id out
	rt_start dg/base sleep 600
	id=$(rt_id)
	CFG=$DG_RT_ROOT/docker/containers/$id/config.v2.json
	[ -f "$CFG" ] || fail "no $CFG: where does this dockerd keep its containers?"
	CFG=$CFG sh -c "$1" || fail "could not break the metadata with: $1"
	out=$(rt_exec bash -c 'cp /usr/bin/echo /tmp/dropped && /tmp/dropped hello from dropped' || true)
	expect_refused "dropped binary" "$out"
	expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
	CTX_RECORD=$(grep -E '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
	case $CTX_RECORD in
	*'"image"'* | *'"image_id"'*) fail "the record has image fields from broken metadata: $CTX_RECORD" ;;
	esac
	CTX_LOG=$(grep -F "container ${id:0:12} (docker): no image or name in the records" "$C"/dgd.err || true)
	[ -n "$CTX_LOG" ] || fail "driftguardd did not log the missing context; its log: $(cat "$C"/dgd.err)"
	echo "log: $CTX_LOG"
}
