#!/bin/bash
# Under a prevent policy (every class), a binary of the image runs, static
# or dynamic, and produces no event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
expect_runs /bin/hello >/dev/null
expect_runs /bin/hello-dyn >/dev/null
expect_runs /bin/sh -c 'echo shell-ok' >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
