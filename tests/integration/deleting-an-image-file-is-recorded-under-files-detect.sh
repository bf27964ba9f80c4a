#!/bin/bash
# With --files detect, deleting an image file is allowed and recorded as
# an alerted "deleted" unlink event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
expect_runs /bin/rm /bin/hello-dyn
events_stop
[ ! -e "$ROOT"/bin/hello-dyn ] || fail "/bin/hello-dyn is still there"
expect_eq "alerted deleted events for /bin/hello-dyn" 1 \
	"$(events_count '"action":"alerted","class":"deleted","hook":"unlink".*"path":"/bin/hello-dyn"')"
pass
