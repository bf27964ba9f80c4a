#!/bin/bash
# With --files prevent and no writable prefix at all, a volume (a tmpfs
# bind-mounted at /data, as an emptyDir) is not the image: files are
# created, renamed and deleted there, and nothing is refused or recorded.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
volume_create
policy --files prevent --writable ''
events_start
expect_runs /bin/sh -c 'echo data >/data/f && mkdir /data/d && mv /data/f /data/d/g &&
	chmod 600 /data/d/g && rm /data/d/g && rmdir /data/d' >/dev/null
events_stop
expect_eq "events" 0 "$(grep -c . "$C"/events.json || true)"
pass
