#!/bin/bash
# With --files prevent, opening an image file outside the writable
# prefixes for writing fails with EPERM before overlayfs copies it up: the
# file keeps the image's content, the upper layer stays empty, and a
# blocked "modified" copy-up event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/sh -c 'echo junk >>/bin/hello'
events_stop
cmp -s "$C"/image/bin/hello "$ROOT"/bin/hello || fail "/bin/hello changed"
[ ! -e "$C"/upper/bin/hello ] || fail "/bin/hello was copied up"
expect_eq "blocked modified events for /bin/hello" 1 \
	"$(events_count '"action":"blocked","class":"modified","hook":"copy-up".*"path":"/bin/hello"')"
pass
