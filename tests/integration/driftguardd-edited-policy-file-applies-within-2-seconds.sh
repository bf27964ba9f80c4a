#!/bin/bash
# Editing a policy file while driftguardd runs changes the kernel's policy
# within 2 seconds, and the next drifted exec follows the new mode.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy edit "cgroup = $(cg_rel)" "mode = detect"
dgd_start
expect_match "policy at start" 'mode detect' "$("$DRIFTCTL" policy get "$CG")"
drop "$BIN"/hello /tmp/dropped
expect_runs /tmp/dropped >/dev/null

dgd_policy edit "cgroup = $(cg_rel)" "mode = prevent"
start=$(date +%s%N)
wait_until 2 "the edited mode in the kernel" sh -c "'$DRIFTCTL' policy get '$CG' | grep -q 'mode prevent'"
echo "applied after $((($(date +%s%N) - start) / 1000000)) ms"
expect_denied /tmp/dropped
dgd_stop
pass
