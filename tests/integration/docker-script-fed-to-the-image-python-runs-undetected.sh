#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: what driftguard does NOT catch, shown as it is: a script
# written at runtime and fed to the image's own interpreter (python3
# /tmp/dropped.py) runs; nothing is executed or mapped from a drifted file,
# so there is nothing to refuse and no record.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_attack dg/base 'printf "print(\"hello from a dropped script\")\n" >/tmp/dropped.py ||
	{ echo SETUP-FAILED: write; exit 1; }
python3 /tmp/dropped.py')
expect_match "the script ran" 'hello from a dropped script' "$out"
expect_no_drift_record
pass
