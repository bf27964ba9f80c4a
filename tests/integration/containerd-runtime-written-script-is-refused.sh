#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: a shell script written at runtime, made executable and run as
# ./dropped is refused with EPERM and recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/base 'printf "#!/bin/sh\necho hello from the script\n" >/tmp/dropped &&
chmod +x /tmp/dropped || { echo SETUP-FAILED: write; exit 1; }
cd /tmp && ./dropped')
expect_refused "written script" "$out"
expect_drift_record "the script" '"path":"/tmp/dropped"'
pass
