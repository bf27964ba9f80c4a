#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: a binary dropped into /dev/shm and run is refused and
# recorded. /dev/shm is mounted without noexec here (as a memory-backed
# volume there would be), so that the refusal is driftguard's, not the
# mount's.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
RT_OPTS=(--tmpfs /dev/shm:rw,exec,nosuid,nodev,size=65536k)
out=$(rt_attack dg/base 'cp /usr/bin/echo /dev/shm/dropped || { echo SETUP-FAILED: cp; exit 1; }
/dev/shm/dropped hello from dropped')
expect_refused "binary in /dev/shm" "$out"
expect_drift_record "the binary in /dev/shm" '"path":"/dev/shm/dropped"'
pass
