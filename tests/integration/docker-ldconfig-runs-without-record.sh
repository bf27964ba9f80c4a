#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: ldconfig, as many entrypoints run it, rebuilds
# /etc/ld.so.cache, the image's programs still run afterwards, and nothing
# is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_run dg/base /bin/bash -c 'ldconfig && ls -l /etc/ld.so.cache && /usr/bin/perl -e "print qq(perl ran\n)"') ||
	fail "ldconfig or perl after it failed: $out"
expect_match "perl after ldconfig" 'perl ran' "$out"
expect_no_drift_record
pass
