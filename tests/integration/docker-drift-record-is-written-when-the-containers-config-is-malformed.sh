#!/bin/bash
# On Docker, a container whose config.v2.json is not JSON (broken after it
# started, before driftguardd read it) loses no record: its dropped binary
# is refused and recorded with the runtime and the container id, without
# image fields, and driftguardd logs the file and "not JSON".
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_record_with_broken_context 'printf "{\"Config\": {not json" >"$CFG"'
expect_match "driftguardd's log line" 'config\.v2\.json: not JSON' "$CTX_LOG"
pass
