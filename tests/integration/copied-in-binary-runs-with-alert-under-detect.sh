#!/bin/bash
# Under mode detect a copied-in binary runs, and an "alerted" upper event
# names it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode detect
drop "$BIN"/hello /tmp/dropped
events_start
expect_runs /tmp/dropped | grep -q 'hello from /tmp/dropped' || fail "no output"
events_stop
[ "$(events_count '"action":"alerted","class":"upper","hook":"exec".*"path":"/tmp/dropped"')" -ge 1 ] ||
	fail "no alerted event: $(cat "$C"/events.json)"
pass
