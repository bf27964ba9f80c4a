#!/bin/bash
# In a real runc container under mode detect, a copied-in binary runs and
# is reported as alerted.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode detect
drop "$BIN"/hello /tmp/dropped
events_start
out=$(runc_run /tmp/dropped) || fail "container failed: $out"
expect_match "output" 'hello from /tmp/dropped' "$out"
events_stop
[ "$(events_count '"action":"alerted","class":"upper".*"path":"/tmp/dropped"')" -ge 1 ] ||
	fail "no alerted event: $(cat "$C"/events.json)"
pass
