#!/bin/bash
# Two containers of one pod share the PID namespace, each with its own
# overlay rootfs over the same image and its own cgroup under the pod's
# policy (the sibling's is a child of the first's). A dropped program sits in the
# sibling's upper layer; the first container runs it through
# /proc/<sibling pid>/root. The file is in an overlay upper layer through
# any mount: under mode = prevent it is refused with EPERM although
# volume = detect (the shipped Kubernetes policy), and one blocked exec
# event classes it upper.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
SIBLING=$C/sibling
# shellcheck disable=SC2317  # reached through at_exit
sibling_destroy() {
	[ -n "${SIBLING_PID:-}" ] && kill "$SIBLING_PID" && wait "$SIBLING_PID"
	umount "$SIBLING"/root
}
at_exit sibling_destroy
policy --mode prevent --memfd prevent --volume detect --mmap prevent
mkdir -p "$SIBLING"/upper "$SIBLING"/work "$SIBLING"/root
mount -t overlay overlay \
	-o "lowerdir=$C/image,upperdir=$SIBLING/upper,workdir=$SIBLING/work" "$SIBLING"/root
cp "$BIN"/hello "$SIBLING"/root/tmp/dropped
chmod 755 "$SIBLING"/root/tmp/dropped
mkdir "$CG"/sibling
sh -c 'echo $$ >"$1/cgroup.procs" && exec unshare -m chroot "$2" /bin/sleep 1000' \
	sh "$CG"/sibling "$SIBLING"/root &
SIBLING_PID=$!
wait_until 20 "the sibling container to start" \
	sh -c 'readlink "/proc/$1/exe" | grep -q "/bin/busybox\$"' sh "$SIBLING_PID"
out=$(in_container /bin/ls /proc/$SIBLING_PID/root/tmp/dropped) ||
	fail "set-up: the sibling's rootfs is not visible through /proc/$SIBLING_PID/root: $out"
events_start
out=$(in_container /proc/$SIBLING_PID/root/tmp/dropped) || true
events_stop
expect_refused "the sibling's dropped program run through /proc/PID/root" "$out"
expect_eq "blocked upper exec events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"[^"]*dropped"')"
pass
