#!/bin/bash
# With procmem = deny, reading /proc/self/mem (opened read-only) still
# works: only writes are refused. No event.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --procmem deny
events_start
expect_runs /bin/memexec procmem-read >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
