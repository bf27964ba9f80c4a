#!/bin/bash
# On Docker (dockerd with a non-default data root, named by docker_root),
# driftguardd's record of a refused dropped binary says which workload it
# was, as docker's own config.v2.json has it: the image as it was named to
# docker (dg/base), the image's digest (sha256:..., docker's image id) and
# the container's name. Outside Kubernetes there are no k8s_* fields
# (unknown: left out).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
digest=$(docker image inspect -f '{{.Id}}' dg/base)
expect_match "dg/base's image id" '^sha256:[0-9a-f]{64}$' "$digest"
out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped')
expect_refused "dropped binary" "$out"
expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
rec=$(grep -E '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
expect_match "image in the record" '"image":"dg/base"' "$rec"
expect_match "image digest in the record" "\"image_id\":\"$digest\"" "$rec"
expect_match "container name in the record" "\"container_name\":\"$RT_NAME\"" "$rec"
case $rec in *'"k8s_'*) fail "k8s fields outside Kubernetes: $rec" ;; esac
pass
