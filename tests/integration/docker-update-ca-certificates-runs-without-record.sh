#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: update-ca-certificates (a shell script running openssl rehash
# and run-parts) works in an entrypoint, and nothing is recorded.
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_run dg/base update-ca-certificates --fresh) || fail "update-ca-certificates failed: $out"
expect_match "its report" 'done' "$out"
expect_no_drift_record
pass
