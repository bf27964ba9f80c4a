#!/bin/bash
# With --files prevent and the default writable prefixes, a container
# creates, renames, chmods and deletes files and directories under /tmp
# as it likes, and nothing is refused.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_runs /bin/sh -c 'echo data >/tmp/x && mkdir /tmp/d && mv /tmp/x /tmp/d/y &&
	chmod 600 /tmp/d/y && cat /tmp/d/y && rm /tmp/d/y && rmdir /tmp/d' >/dev/null
events_stop
expect_eq "blocked events" 0 "$(events_count '"action":"blocked"')"
pass
