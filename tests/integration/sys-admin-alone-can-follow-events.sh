#!/bin/bash
# A process holding CAP_SYS_ADMIN and no other capability follows events:
# it receives the event of a blocked dropped binary.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped

with_caps sys_admin "$DRIFTCTL" events --json >"$C"/events.json 2>"$C"/events.err &
kill_at_exit $!
wait_until --log "$C"/events.err 10 "driftctl events to start" \
	grep -q following "$C"/events.err
expect_denied /tmp/dropped
wait_until 10 "the blocked event" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.json
pass
