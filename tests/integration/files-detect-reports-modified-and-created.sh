#!/bin/bash
# With --files detect, editing /etc/passwd gives one "modified" event and
# creating /tmp/x a "created" event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
in_container /bin/sh -c 'echo "x:x:1:1::/:/bin/sh" >>/etc/passwd'
in_container /bin/sh -c 'echo data >/tmp/x'
events_stop
expect_eq "modified events for /etc/passwd" 1 \
	"$(events_count '"class":"modified","hook":"copy-up".*"path":"/etc/passwd"')"
expect_eq "created events for /tmp/x" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/tmp/x"')"
pass
