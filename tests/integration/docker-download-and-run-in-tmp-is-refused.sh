#!/bin/bash
# On Docker (dockerd, overlay2, cgroupfs driver), under a prevent policy
# (mode, memfd, volume and mmap prevent) on the parent cgroup of its
# containers: the attacker's download-and-run (a program fetched over HTTP,
# here from a python http.server on loopback, written to /tmp, made
# executable and run) is refused and recorded.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
out=$(rt_attack dg/base 'cd /usr/bin && { python3 -m http.server --bind 127.0.0.1 8765 >/dev/null 2>&1 & }
python3 -c "
import time, urllib.request
for i in range(300):
    try:
        data = urllib.request.urlopen(\"http://127.0.0.1:8765/echo\").read()
        break
    except OSError:
        time.sleep(0.2)
open(\"/tmp/dropped\", \"wb\").write(data)
" || { echo SETUP-FAILED: download; exit 1; }
chmod +x /tmp/dropped && /tmp/dropped hello from dropped')
expect_refused "downloaded binary" "$out"
expect_drift_record "the downloaded binary" '"path":"/tmp/dropped"'
pass
