#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: the Python web app (Debian's python3 -m http.server serving
# /srv/app) answers a request, and driftguardd records no blocked or alerted
# event.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_start dg/pyapp
page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:8000/").read().decode())'; }
wait_until 120 "the app to answer on 127.0.0.1:8000" page
expect_match "the app's page" 'hello from the driftguard test app' "$(page)"
expect_no_drift_record
pass
