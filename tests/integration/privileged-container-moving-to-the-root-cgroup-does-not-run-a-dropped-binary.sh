#!/bin/bash
# A privileged container process (every capability, no cgroup namespace)
# mounts cgroup2, moves itself into the root cgroup, which has no policy,
# and runs a dropped program: under mode = memfd = volume = mmap = prevent
# the program does not run (the move is refused, or the policy still holds
# after it) and the attempt fails with EPERM.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
mkdir "$ROOT"/cgroup
drop "$BIN"/hello /tmp/dropped
out=$(in_container /bin/sh -c '
busybox mount -t cgroup2 none /cgroup || { echo "SETUP-FAILED: mount cgroup2"; exit 90; }
[ -w /cgroup/cgroup.procs ] || { echo "SETUP-FAILED: the root cgroup is not writable"; exit 90; }
echo $$ >/cgroup/cgroup.procs
exec /tmp/dropped') || true
expect_refused "the dropped program after a move to the root cgroup" "$out"
pass
