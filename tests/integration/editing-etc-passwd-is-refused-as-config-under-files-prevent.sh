#!/bin/bash
# With --files prevent, appending to /etc/passwd fails with EPERM and is
# recorded as a blocked "config" event; /etc/passwd keeps its content.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/sh -c 'echo "x:x:0:0::/:/bin/sh" >>/etc/passwd'
events_stop
expect_eq "/etc/passwd" 'root:x:0:0:root:/root:/bin/sh' "$(cat "$ROOT"/etc/passwd)"
expect_eq "blocked config events for /etc/passwd" 1 \
	"$(events_count '"action":"blocked","class":"config","hook":"copy-up".*"path":"/etc/passwd"')"
pass
