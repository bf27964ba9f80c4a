#!/bin/bash
# "watch = sh" with "response = kill" (the man page's old example) reports
# every shell the container starts, and kills nothing: a watched program is
# allowed, and responses act on blocked programs unless response_on says so.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy watcher "cgroup = $(cg_rel)" "mode = prevent" "watch = sh" "response = kill"
dgd_start
expect_no_response 'sh -c true'
expect_match "drift record" '"action":"alerted","class":"watched"' "$(cat "$C"/events.jsonl)"
dgd_stop
pass
