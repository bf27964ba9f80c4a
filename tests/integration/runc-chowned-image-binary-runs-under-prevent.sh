#!/bin/bash
# In a real runc container under an inherited prevent policy, an entrypoint
# that chowns and chmods (no new execute bit) image binaries and then runs
# them (with Docker's default capabilities, CAP_CHOWN among them) works,
# without a blocked record.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
out=$(RUNC_CAPS=$RUNTIME_DEFAULT_CAPS runc_run /bin/sh -c '/bin/busybox chown 1:1 /bin/hello && chmod 700 /bin/hello-dyn && /bin/hello && /bin/hello-dyn') ||
	fail "container failed: $out"
expect_match "output" 'hello from /bin/hello-dyn' "$out"
events_stop
expect_eq "blocked records" 0 "$(events_count '"action":"blocked"')"
pass
