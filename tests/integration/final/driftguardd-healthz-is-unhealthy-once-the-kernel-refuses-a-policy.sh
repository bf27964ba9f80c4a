#!/bin/bash
# driftguardd's /healthz answers 200 "ok" while the last sync set every
# policy, and 503 naming the policy, the cgroup and the kernel's reason once
# the kernel refuses one (here: the lock forbids lowering a mode); /livez
# stays 200: the daemon runs, restarting it would not help. (Runs last: the
# lock holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "metrics_listen = $DGD_METRICS"
dgd_policy strict "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
wait_until --log "$C"/dgd.err 10 "/healthz to say ok" \
	sh -c "curl -sf http://$DGD_METRICS/healthz | grep -qx ok"
expect_eq "/healthz with every policy set" "200 ok" "$(health /healthz)"
expect_eq "last sync success" 1 "$(metric driftguard_last_sync_success)"
"$DRIFTCTL" lock

dgd_policy strict "cgroup = $(cg_rel)" "mode = detect"
kill -HUP "$DGD_PID"
wait_until --log "$C"/dgd.err 10 "/healthz to turn unhealthy" \
	sh -c "! curl -sf http://$DGD_METRICS/healthz >/dev/null"
expect_match "/healthz after the refusal" \
	"^503 unhealthy: the last sync \([0-9T:Z-]+\) failed: policy strict not set on $(cg_rel): kernel reports: locked: mode cannot be lowered" \
	"$(health /healthz)"
expect_eq "/livez after the refusal" "200 ok" "$(health /livez)"
expect_eq "last sync success" 0 "$(metric driftguard_last_sync_success)"
dgd_stop
pass
