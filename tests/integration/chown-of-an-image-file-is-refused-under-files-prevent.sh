#!/bin/bash
# With --files prevent, chown of an image file outside the writable
# prefixes fails with EPERM before overlayfs copies it up for the change:
# the file keeps its owner, the upper layer has no copy of it, and a
# blocked "modified" setattr event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/busybox chown 1:1 /bin/hello
events_stop
expect_eq "owner of /bin/hello" 0:0 "$(stat -c %u:%g "$ROOT"/bin/hello)"
[ ! -e "$C"/upper/bin/hello ] || fail "/bin/hello was copied up"
expect_eq "blocked setattr events for /bin/hello" 1 \
	"$(events_count '"action":"blocked","class":"modified","hook":"setattr".*"path":"/bin/hello"')"
pass
