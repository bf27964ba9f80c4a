#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers, the image's own programs run as the entrypoint (perl,
# dynamically linked) and nothing is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_run dg/base /usr/bin/perl -e 'print "hello from perl\n"') ||
	fail "the image's perl did not run: $out"
expect_match "perl's output" 'hello from perl' "$out"
expect_no_drift_record
pass
