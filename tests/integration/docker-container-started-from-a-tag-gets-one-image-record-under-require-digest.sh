#!/bin/bash
# Under require_digest = yes, a Docker container started from a mutable tag
# (dg/base, no @sha256:) in the policy's scope gets one "image" record that
# names the container, its image and the reason, as it starts.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker "mode=prevent" "require_digest=yes"
rt_start dg/base sleep 300
id=$(rt_id)
wait_until 30 "the image record" grep -q '"record":"image"' "$C"/events.jsonl
dgd_stop
expect_eq "image records" 1 "$(records '"record":"image"')"
rec=$(grep '"record":"image"' "$C"/events.jsonl)
expect_eq "container" "$id" "$(jq -r .container_id <<<"$rec")"
expect_eq "container name" "$RT_NAME" "$(jq -r .container_name <<<"$rec")"
expect_eq "image" dg/base "$(jq -r .image <<<"$rec")"
expect_eq "policy" docker "$(jq -r .policy <<<"$rec")"
expect_match "reason" "mutable tag" "$(jq -r .reason <<<"$rec")"
pass
