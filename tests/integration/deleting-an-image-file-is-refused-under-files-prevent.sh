#!/bin/bash
# With --files prevent, deleting an image file outside the writable
# prefixes fails with EPERM (no whiteout is made) and is recorded as a
# blocked "deleted" unlink event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/rm -f /bin/hello-dyn
events_stop
[ -e "$ROOT"/bin/hello-dyn ] || fail "/bin/hello-dyn is gone"
[ ! -e "$C"/upper/bin/hello-dyn ] || fail "a whiteout of /bin/hello-dyn was made"
expect_eq "blocked deleted events for /bin/hello-dyn" 1 \
	"$(events_count '"action":"blocked","class":"deleted","hook":"unlink".*"path":"/bin/hello-dyn"')"
pass
