#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: an entrypoint adds a CA certificate the way images do (a file
# in /usr/local/share/ca-certificates, then update-ca-certificates, a shell
# script running openssl rehash and run-parts); it works, and nothing is
# recorded.
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_run dg/base /bin/bash -c 'cp "$(ls /usr/share/ca-certificates/mozilla/*.crt | head -n 1)" \
	/usr/local/share/ca-certificates/extra.crt && update-ca-certificates') ||
	fail "update-ca-certificates failed: $out"
expect_match "its report" '1 added, 0 removed; done' "$out"
expect_no_drift_record
pass
