#!/bin/bash
# When the kernel refuses a policy driftguardd sets (here: the lock forbids
# lowering a mode), driftguardd's log says that policy is NOT set, on which
# cgroup, and the kernel's reason, and a "policy-error" record in the event
# log says the same. (Runs last: the lock holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy strict "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
wait_until 10 "the policy ($(cat "$C"/dgd.err))" \
	grep -q "policy strict set on $(cg_rel)" "$C"/dgd.err
"$DRIFTCTL" lock

dgd_policy strict "cgroup = $(cg_rel)" "mode = detect"
kill -HUP "$DGD_PID"
wait_until 10 "the refusal in driftguardd's log ($(cat "$C"/dgd.err))" \
	grep -q "policy strict NOT set on $(cg_rel) (cgroup id $(stat -c %i "$CG")): kernel reports: locked: mode cannot be lowered" \
	"$C"/dgd.err
wait_until 10 "the policy-error record" grep -q '"record":"policy-error"' "$C"/events.jsonl
expect_match "policy-error record" \
	"\"policy\":\"strict\",\"cgroup\":\"$(cg_rel)\",\"cgroup_id\":$(stat -c %i "$CG"),\"reason\":\"kernel reports: locked: mode cannot be lowered" \
	"$(grep '"record":"policy-error"' "$C"/events.jsonl)"
dgd_stop
pass
