#!/bin/bash
# Through Debian 12's podman, as a user would run it (cgroupfs cgroup
# manager, overlay storage, no network, an image imported from a local
# tarball): with driftguardd's prevent policy on podman's container
# cgroups (libpod_parent/libpod-*), the image's own binary runs under
# `podman exec`, a binary put in with `podman cp` is refused, and the JSON
# log's blocked record names the runtime "podman", the full container id
# and the SHA-256 of the copied-in file.
set -eu
. "$DG_SRC/tests/lib.sh"
command -v podman >/dev/null || fail "podman is not installed (scripts/bootstrap installs it)"

C=$(mktemp -d /tmp/dgpodman.XXXXXX)
PM=$C/podman
PARENT=/sys/fs/cgroup/libpod_parent

# pm ARGS...: podman with everything in $PM (tmpfs), cgroupfs (systemd is
# not PID 1 here), events to a file (no journald).
pm() {
	podman --root "$PM"/storage --runroot "$PM"/run --tmpdir "$PM"/tmp \
		--storage-driver overlay --cgroup-manager cgroupfs \
		--events-backend file "$@"
}

# podman_helpers_gone: no process of this test's podman is left.
# shellcheck disable=SC2317  # reached through poll_until
podman_helpers_gone() {
	! pgrep -f -- "$PM/storage" >/dev/null
}

# shellcheck disable=SC2317  # reached through at_exit
cleanup() {
	# The image and the storage go with $C; only a running container needs podman.
	[ "$running" = 1 ] && pm rm -f -t 0 t >/dev/null 2>&1
	# The policies outlive driftguardd: drop them with the cgroups.
	local d
	for d in "$PARENT"/*/; do
		[ -d "$d" ] || continue
		"$DRIFTCTL" policy del "$d" >/dev/null 2>&1
		rmdir "$d"
	done
	[ -d "$PARENT" ] && rmdir "$PARENT"
	# conmon runs `podman container cleanup` when the container dies, on
	# its own time: let those finish (for up to 10 s) before removing what
	# they would recreate.
	poll_until 10 podman_helpers_gone
	# Whatever podman left mounted under $C, innermost first.
	awk -v c="$C/" 'index($5, c) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
		while read -r m; do umount -l "$m"; done
	rm -rf "$C"
	# containers/image's blob info cache, made by the import.
	[ "$had_var_lib_containers" = 1 ] || rm -rf /var/lib/containers
	ensure_module_loaded
}
running=0
had_var_lib_containers=0
[ -e /var/lib/containers ] && had_var_lib_containers=1
at_exit cleanup

# The image: static busybox with its applets, and hello as the image's own
# binary, imported from a tarball (no registry).
img=$C/image
mkdir -p "$img"/bin "$img"/tmp "$img"/etc "$img"/proc "$img"/sys "$img"/dev
cp /bin/busybox "$img"/bin/busybox
for a in sh cat ls sleep echo true; do ln -s busybox "$img"/bin/$a; done
cp "$BIN"/hello "$img"/bin/hello
echo 'root:x:0:0:root:/root:/bin/sh' >"$img"/etc/passwd
chmod 1777 "$img"/tmp
tar -C "$img" -cf "$C"/image.tar .
pm import "$C"/image.tar localhost/dg-image >/dev/null || fail "podman import failed"

# The first memory cgroup below the root enables a static key (kernel text
# patched with int3) that the page allocator tests: under QEMU's TCG a vCPU
# that allocates pages meanwhile may trap on a stale int3 and panic the
# guest. Make that happen now, while nothing else runs, rather than when
# runc makes podman's first cgroup with conmon busy on the other vCPU.
mkdir -p "$PARENT"

# shellcheck disable=SC2119  # no lines: the defaults
dgd_config
dgd_policy podman "cgroup = libpod_parent/libpod-*" "mode = prevent"
dgd_start

running=1
out=$(pm run -d --name t --network none localhost/dg-image /bin/sleep 600 2>&1) ||
	fail "podman run failed: $out"
id=$(pm inspect -f '{{.Id}}' t)
expect_match "container id" '^[0-9a-f]{64}$' "$id"
cg=$PARENT/libpod-$id
[ -d "$cg" ] || fail "no cgroup $cg; podman put the container in: $(pm inspect -f '{{.State.CgroupPath}}' t 2>&1)"
wait_until 10 "the policy on $cg" sh -c "'$DRIFTCTL' policy get '$cg' | grep -q 'mode prevent'"

out=$(pm exec t /bin/hello 2>&1) || fail "the image's binary did not run: $out"

pm cp "$BIN"/hello t:/tmp/dropped || fail "podman cp failed"
rc=0
out=$(pm exec t /tmp/dropped 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "the copied-in binary ran: $out"
printf '%s' "$out" | grep -Eqi 'Permission denied|Operation not permitted' ||
	fail "expected EPERM from podman exec, got (exit $rc): $out"
echo "podman exec /tmp/dropped: exit $rc: $out"

wait_until 10 "the blocked record" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl
rec=$(grep '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
expect_match "runtime in the record" '"runtime":"podman"' "$rec"
expect_match "container id in the record" "\"container_id\":\"$id\"" "$rec"
expect_match "cgroup in the record" "\"cgroup\":\"[^\"]*/libpod_parent/libpod-$id\"" "$rec"
# runc's exec helper is gone by now: the hash is read through the container's sleep.
expect_match "sha256 in the record" "\"sha256\":\"$(sha256sum "$BIN"/hello | cut -d' ' -f1)\"" "$rec"

pm rm -f -t 0 t >/dev/null || fail "podman rm failed"
running=0
dgd_stop
pass
