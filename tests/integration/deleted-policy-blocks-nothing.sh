#!/bin/bash
# After "policy del" nothing is blocked and no event is produced.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
"$DRIFTCTL" policy del "$CG"
events_start
expect_runs /tmp/dropped >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
