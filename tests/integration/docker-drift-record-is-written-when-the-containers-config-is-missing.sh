#!/bin/bash
# On Docker, a container whose config.v2.json is gone loses no record: its
# dropped binary is refused and recorded with the runtime and the container
# id, without image fields, and driftguardd logs the file it looked for.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_record_with_broken_context 'rm "$CFG"'
expect_match "driftguardd's log line" 'config\.v2\.json: No such file or directory' "$CTX_LOG"
pass
