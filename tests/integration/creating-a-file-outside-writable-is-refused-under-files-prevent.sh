#!/bin/bash
# With --files prevent, creating a file in the container's rootfs outside
# the writable prefixes (/bin) fails with EPERM before anything is written
# (no upper-layer file) and is recorded as a blocked "created" event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/sh -c 'echo data >/bin/new'
events_stop
[ ! -e "$C"/upper/bin/new ] || fail "/bin/new reached the upper layer"
expect_eq "blocked created events for /bin/new" 1 \
	"$(events_count '"action":"blocked","class":"created","hook":"create".*"path":"/bin/new"')"
pass
