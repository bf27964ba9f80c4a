#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: an image binary overwritten with cp (its path in the image
# unchanged, its content another program's) is refused with EPERM and
# recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/base 'cp /usr/bin/echo /usr/bin/yes || { echo SETUP-FAILED: cp; exit 1; }
/usr/bin/yes hello from the overwritten yes')
expect_refused "overwritten image binary" "$out"
expect_drift_record "the overwritten binary" '"path":"/usr/bin/yes"'
pass
