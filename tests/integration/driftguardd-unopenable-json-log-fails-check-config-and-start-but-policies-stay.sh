#!/bin/bash
# A JSON log that cannot be opened (here: a directory at its path) is an
# error, not a silent loss: --check-config exits 1 naming the path and the
# errno, and driftguardd refuses to run the same way; but a wrong log path
# must not cost enforcement (after a reboot the kernel has no policy until
# the daemon sets it): the policies are set before it exits, and stay.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

mkdir "$C"/events.jsonl
dgd_config
dgd_policy nolog "cgroup = $(cg_rel)" "mode = prevent"

rc=0
"$BIN"/driftguardd --config-dir "$C"/etc --check-config >"$C"/check.out 2>"$C"/check.err || rc=$?
expect_eq "--check-config exit status" 1 "$rc"
expect_match "--check-config names the path and the errno" \
	"$C/events.jsonl: cannot open the event log: Is a directory" "$(cat "$C"/check.err)"

rc=0
timeout 60 "$BIN"/driftguardd --config-dir "$C"/etc >"$C"/dgd.out 2>"$C"/dgd.err || rc=$?
expect_eq "driftguardd exit status at start" 1 "$rc"
expect_match "the start names the path and the errno" \
	"$C/events.jsonl: cannot open the event log: Is a directory" "$(cat "$C"/dgd.err)"
expect_match "the policy is in force after the refused start" '"mode":"prevent"' \
	"$("$DRIFTCTL" policy get "$CG" --json 2>&1)"
pass
