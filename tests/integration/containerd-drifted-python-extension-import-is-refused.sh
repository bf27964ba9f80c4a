#!/bin/bash
# On containerd (ctr run, overlayfs snapshotter), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: a native extension written at runtime (as pip install writes
# one; here a copy of the image's _json module placed first on sys.path)
# cannot be imported by the image's python3: the mapping is refused and
# recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
out=$(rt_attack dg/base 'mkdir -p /tmp/site &&
cp /usr/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so /tmp/site/ ||
	{ echo SETUP-FAILED: cp; exit 1; }
PYTHONPATH=/tmp/site python3 -c "import _json; print(\"hello from\", _json.__file__)"')
expect_not_run "drifted extension" "$out"
expect_match "python's import error" 'ImportError' "$out"
expect_drift_record "the extension" '"path":"/tmp/site/_json[^"]*"'
pass
