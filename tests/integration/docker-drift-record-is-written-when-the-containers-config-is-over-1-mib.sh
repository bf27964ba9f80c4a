#!/bin/bash
# On Docker, a container whose config.v2.json has grown past driftguardd's
# 1 MiB bound (2 MiB here) loses no record and is not parsed: its dropped
# binary is refused and recorded with the runtime and the container id,
# without image fields, and driftguardd logs the file's size and the bound.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_record_with_broken_context '{ printf "{\"Config\": {\"Image\": \"x\"}, \"pad\": \""; head -c 2097152 /dev/zero | tr "\0" a; printf "\"}"; } >"$CFG"'
expect_match "driftguardd's log line" 'config\.v2\.json: [0-9]+ bytes, over the [0-9]+-byte bound' "$CTX_LOG"
pass
