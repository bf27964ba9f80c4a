#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), with memfd = prevent (and
# mode = prevent) on the parent cgroup of its containers, a container
# starts: runc's own start-up (its memfd, overlay or /tmp clone of itself)
# is not refused, with no name-based exemption, and leaves no record.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker mode=prevent memfd=prevent
out=$(rt_run dg/base /bin/true) || fail "the container did not start: $out"
expect_no_drift_record
pass
