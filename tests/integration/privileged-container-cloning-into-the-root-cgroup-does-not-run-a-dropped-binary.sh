#!/bin/bash
# A privileged container process (every capability, no cgroup namespace)
# mounts cgroup2 and starts a dropped program in a child that
# clone3(CLONE_INTO_CGROUP) would place in the root cgroup, which has no
# policy (no write to any cgroup.procs): under mode = memfd = volume =
# mmap = prevent the clone is refused with EPERM and the program does not
# run.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
# clone-into is an image program: unmount, add it to the image, mount again.
container_umount
cp "$BIN"/clone-into "$C"/image/bin/
container_mount
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
mkdir "$ROOT"/cgroup
drop "$BIN"/hello /tmp/dropped
out=$(in_container /bin/sh -c '
busybox mount -t cgroup2 none /cgroup || { echo "SETUP-FAILED: mount cgroup2"; exit 90; }
/bin/clone-into /cgroup/'"${CG#/sys/fs/cgroup/}"' /bin/true ||
	{ echo "SETUP-FAILED: clone3 into the own cgroup"; exit 90; }
exec /bin/clone-into /cgroup /tmp/dropped') || true
expect_refused "the dropped program in a child cloned into the root cgroup" "$out"
pass
