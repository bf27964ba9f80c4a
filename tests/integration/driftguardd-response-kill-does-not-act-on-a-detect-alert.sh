#!/bin/bash
# "response = kill" acts on what the kernel refused: under "mode = detect" a
# drifted program runs with an alert, and the container goes on running.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy detector "cgroup = $(cg_rel)" "mode = detect" "response = kill"
dgd_start
drop "$BIN"/hello /tmp/dropped
expect_no_response /tmp/dropped
expect_match "drift record" '"action":"alerted","class":"upper"' "$(cat "$C"/events.jsonl)"
dgd_stop
pass
