#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: the image's python3 imports C extensions of the image (_ssl,
# _ctypes, _decimal, _sqlite3: shared objects mapped executable, with their
# libraries) and nothing is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_run dg/base python3 -c 'import _ssl, _ctypes, _decimal, _sqlite3; print("imported")') ||
	fail "python3 could not import: $out"
expect_match "imports" '^imported' "$out"
expect_no_drift_record
pass
