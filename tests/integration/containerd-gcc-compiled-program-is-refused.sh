#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: the image's gcc (cc1, as, ld: image programs, which run)
# compiles a program, and running the a.out it wrote is refused and
# recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/gcc 'printf "#include <stdio.h>\nint main(void) { puts(\"hello from a.out\"); return 0; }\n" >/tmp/x.c
gcc -o /tmp/dropped /tmp/x.c || { echo SETUP-FAILED: gcc; exit 1; }
/tmp/dropped')
expect_refused "gcc-built program" "$out"
expect_drift_record "the gcc-built program" '"path":"/tmp/dropped"'
pass
