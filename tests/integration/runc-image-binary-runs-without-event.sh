#!/bin/bash
# In a real runc container under an inherited prevent policy (all classes),
# the container starts and the image's binaries run without an event.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
out=$(runc_run /bin/sh -c '/bin/hello; /bin/hello-dyn') || fail "container failed: $out"
expect_match "output" 'hello from /bin/hello-dyn' "$out"
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
