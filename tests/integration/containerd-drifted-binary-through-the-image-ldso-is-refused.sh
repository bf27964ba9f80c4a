#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: a dropped dynamic binary run through the image's own dynamic
# loader (no execve of the dropped file) is not mapped executable, so it
# never runs; the refusal is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/lib64/ld-linux-x86-64.so.2 /tmp/dropped hello from dropped')
expect_not_run "ld.so route" "$out"
expect_drift_record "the mapping of the dropped binary" '"path":"/tmp/dropped"'
pass
