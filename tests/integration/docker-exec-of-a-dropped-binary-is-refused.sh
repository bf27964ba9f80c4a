#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers, a process started in a running container by docker exec is
# judged like the entrypoint: the image's ls runs, a binary it drops is
# refused and recorded with the container's id.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_start dg/base /bin/sleep 600
out=$(rt_exec /usr/bin/ls /usr) || fail "the image's ls did not run by exec: $out"
expect_match "ls's output" 'bin' "$out"
out=$(rt_exec /bin/bash -c 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped') || true
expect_refused "dropped binary run by exec" "$out"
expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
pass
