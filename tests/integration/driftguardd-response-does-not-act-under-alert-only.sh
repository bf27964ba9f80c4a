#!/bin/bash
# Alert-only mode is for trying policies out: no response runs in it, not
# even one whose response_on names alerts. The drifted program runs, is
# reported, and the container goes on running.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy trial "cgroup = $(cg_rel)" "mode = prevent" "response = kill" \
	"response_on = blocked alerted"
dgd_start
"$DRIFTCTL" alert-only on
at_exit "$DRIFTCTL" alert-only off
drop "$BIN"/hello /tmp/dropped
expect_no_response /tmp/dropped
expect_match "drift record" '"action":"alerted","class":"upper"' "$(cat "$C"/events.jsonl)"
dgd_stop
pass
