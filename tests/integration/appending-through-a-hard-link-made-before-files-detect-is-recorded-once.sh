#!/bin/bash
# Under --files detect, appending to /etc/passwd through a hard link in the
# writable /tmp made before the policy (ln /etc/passwd /tmp/x) is allowed
# and recorded as one alerted "modified" open-write event for /tmp/x, as an
# append to any file outside the writable prefixes is.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
in_container /bin/ln /etc/passwd /tmp/x
policy --files detect
events_start
expect_runs /bin/sh -c 'echo "x:x:0:0::/:/bin/sh" >>/tmp/x' >/dev/null
events_stop
expect_only_event "alerted open-write for /tmp/x" \
	'"action":"alerted","class":"modified","hook":"open-write".*"path":"/tmp/x"'
pass
