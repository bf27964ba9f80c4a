#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: a library built at runtime with the image's gcc and preloaded
# (LD_PRELOAD) into an image program is not mapped: its constructor never
# runs, the image program still does, and the refusal is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/gcc 'printf "#include <stdio.h>\n__attribute__((constructor)) static void c(void) { puts(\"hello from the drifted library\"); }\n" >/tmp/x.c
gcc -shared -fPIC -o /tmp/libdropped.so /tmp/x.c || { echo SETUP-FAILED: gcc; exit 1; }
LD_PRELOAD=/tmp/libdropped.so /usr/bin/echo image program ran')
expect_not_run "LD_PRELOAD" "$out"
expect_match "the image program" 'image program ran' "$out"
expect_drift_record "the preloaded library" '"path":"/tmp/libdropped.so"'
pass
