#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: Debian's nginx with its stock configuration starts (master and
# workers) and answers a request on loopback, and driftguardd records no
# blocked or alerted event.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_start dg/nginx
page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1/").read().decode())'; }
wait_until 120 "nginx to answer on 127.0.0.1:80" page
expect_match "nginx's page" 'Welcome to nginx' "$(page)"
expect_no_drift_record
pass
