#!/bin/bash
# Under --files detect, appending to a file already in the upper layer
# outside the writable prefixes (no copy-up left to see it) is allowed and
# recorded as one alerted "modified" open-write event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
in_container /bin/sh -c 'echo v1 >/data/f'
events_start
in_container /bin/sh -c 'echo v2 >>/data/f'
events_stop
expect_eq "content of /data/f" "v1
v2" "$(cat "$C"/upper/data/f)"
expect_only_event "alerted open-write for /data/f" \
	'"action":"alerted","class":"modified","hook":"open-write".*"path":"/data/f"'
pass
