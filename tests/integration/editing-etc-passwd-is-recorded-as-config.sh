#!/bin/bash
# With --files detect, appending to /etc/passwd (under the default config
# prefix /etc) is recorded as class "config", not "modified".
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
expect_runs /bin/sh -c 'echo "x:x:1:1::/:/bin/sh" >>/etc/passwd'
events_stop
expect_eq "config events for /etc/passwd" 1 \
	"$(events_count '"action":"alerted","class":"config","hook":"copy-up".*"path":"/etc/passwd"')"
expect_eq "modified events" 0 "$(events_count '"class":"modified"')"
pass
