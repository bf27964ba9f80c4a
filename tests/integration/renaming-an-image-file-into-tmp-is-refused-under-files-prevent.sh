#!/bin/bash
# With --files prevent, renaming an image file out of the image (/bin) into
# a writable prefix (/tmp) fails with EPERM: both names must be writable.
# The file stays where it was, and a blocked rename event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/mv /bin/hello /tmp/hello
events_stop
[ -e "$ROOT"/bin/hello ] || fail "/bin/hello is gone"
[ ! -e "$ROOT"/tmp/hello ] || fail "/tmp/hello exists"
expect_eq "blocked rename events for /bin/hello" 1 \
	"$(events_count '"action":"blocked","class":"deleted","hook":"rename".*"path":"/bin/hello"')"
pass
