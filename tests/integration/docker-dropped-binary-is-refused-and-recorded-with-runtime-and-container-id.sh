#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers, a binary the entrypoint copies into /tmp is refused with
# EPERM, and driftguardd's record names the runtime, the full container id
# and the container's cgroup.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped')
expect_refused "dropped binary" "$out"
expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
pass
