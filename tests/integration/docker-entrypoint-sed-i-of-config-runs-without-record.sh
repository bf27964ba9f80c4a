#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: the image's entrypoint script edits nginx's configuration with
# sed -i (which writes a new file and renames it over the image's) and then
# runs the command, and nothing is recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_run dg/base /usr/local/bin/docker-entrypoint.sh grep worker_processes /etc/nginx/nginx.conf) ||
	fail "the entrypoint failed: $out"
expect_match "the edited configuration" 'worker_processes 1;' "$out"
expect_no_drift_record
pass
