#!/bin/bash
# On Docker (dockerd with a non-default data root, named by docker_root in
# the --config-dir's driftguard.conf), `driftctl events` without --json
# ends the line of a refused dropped binary with the workload's fields as
# docker's config.v2.json has them: image=dg/base, image_id=sha256:...
# and container_name=; outside Kubernetes no k8s_* fields.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
digest=$(docker image inspect -f '{{.Id}}' dg/base)
"$DRIFTCTL" events --config-dir "$C"/etc >"$C"/events.txt 2>"$C"/events.err &
EVPID=$!
at_exit events_kill
wait_until --log "$C"/events.err 10 "driftctl events to start" grep -q following "$C"/events.err
out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped')
expect_refused "dropped binary" "$out"
wait_until --log "$C"/events.txt 10 "the event line" grep -q ' blocked upper exec .*path=/tmp/dropped' "$C"/events.txt
events_stop
line=$(grep ' blocked upper exec .*path=/tmp/dropped' "$C"/events.txt | head -n 1)
expect_match "the container's fields end the line" \
	" cgroup=[^ ]+ image=dg/base image_id=$digest container_name=$RT_NAME\$" "$line"
pass
