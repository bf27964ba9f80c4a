#!/bin/bash
# A policy with every mode off blocks and reports nothing.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode off
drop "$BIN"/hello /tmp/dropped
events_start
expect_runs /tmp/dropped >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
