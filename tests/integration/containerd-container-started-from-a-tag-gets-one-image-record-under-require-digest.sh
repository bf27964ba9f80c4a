#!/bin/bash
# Under require_digest = yes, a containerd container (`ctr run`) started
# from a mutable tag (docker.io/dg/base:latest, no @sha256:) in the
# policy's scope gets one "image" record as it starts, naming the
# container, its image and image id (from containerd's database: the
# bundle of `ctr run` names none) and the reason.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd "mode=prevent" "require_digest=yes"
manifest=$(ctr images ls | awk '$1 == "docker.io/dg/base:latest" { print $3 }')
digest=$(ctr content get "$manifest" | jq -r .config.digest)
rt_start dg/base sleep 300
wait_until 30 "the image record" grep -q '"record":"image"' "$C"/events.jsonl
dgd_stop
expect_eq "image records" 1 "$(records '"record":"image"')"
rec=$(grep '"record":"image"' "$C"/events.jsonl)
expect_eq "container" "$RT_NAME" "$(jq -r .container_id <<<"$rec")"
expect_eq "runtime" containerd "$(jq -r .runtime <<<"$rec")"
expect_eq "image" docker.io/dg/base:latest "$(jq -r .image <<<"$rec")"
expect_eq "image id" "$digest" "$(jq -r .image_id <<<"$rec")"
expect_eq "policy" containerd "$(jq -r .policy <<<"$rec")"
expect_match "reason" "mutable tag" "$(jq -r .reason <<<"$rec")"
pass
