#!/bin/bash
# Under mode = memfd = volume = mmap = prevent, an unprivileged container
# user (uid 65534, no capabilities) in a user and mount namespace of its
# own (unshare -Urm) still runs the image's programs, static and dynamic,
# and no event is sent.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run /bin/sh -s <<'SH'
exec busybox unshare -Urm /bin/sh -c '/bin/hello && /bin/hello-dyn'
SH
) || fail "image programs in a user namespace: $out"
events_stop
expect_match "static image program's output" 'hello from /bin/hello$' "$out"
expect_match "dynamic image program's output" 'hello from /bin/hello-dyn$' "$out"
expect_eq "events" 0 "$(events_count .)"
pass
