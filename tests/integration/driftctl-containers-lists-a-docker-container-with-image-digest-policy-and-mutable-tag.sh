#!/bin/bash
# `driftctl containers` lists a running Docker container (dockerd with a
# non-default data root, named by docker_root in the --config-dir's
# driftguard.conf): runtime, full id, name, image as docker was told it
# (dg/base), the image's digest, the policy covering it (the one on the
# parent cgroup, by its name in policy.d) with its mode, and flags dg/base
# as a mutable tag (no @sha256:); the table shows the same in one line.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker
rt_start dg/base sleep 300
id=$(rt_id)
wait_until 30 "the container's cgroup" test -d "$RT_PARENT/$id"
digest=$(docker image inspect -f '{{.Id}}' dg/base)

json=$("$DRIFTCTL" containers --json --config-dir "$C"/etc)
entry=$(printf '%s' "$json" | jq -c --arg id "$id" '.[] | select(.container_id == $id)')
[ -n "$entry" ] || fail "the container $id is not listed: $json"
expect_eq "runtime" docker "$(jq -r .runtime <<<"$entry")"
expect_eq "name" "$RT_NAME" "$(jq -r .container_name <<<"$entry")"
expect_eq "image" dg/base "$(jq -r .image <<<"$entry")"
expect_eq "image digest" "$digest" "$(jq -r .image_id <<<"$entry")"
expect_eq "policy" docker "$(jq -r .policy <<<"$entry")"
expect_eq "policy cgroup" docker "$(jq -r .policy_cgroup <<<"$entry")"
expect_eq "mode" prevent "$(jq -r .mode <<<"$entry")"
expect_eq "mutable tag" true "$(jq -r .mutable_tag <<<"$entry")"

table=$("$DRIFTCTL" containers --config-dir "$C"/etc)
line=$(grep -E "^docker +${id:0:12} " <<<"$table") || fail "no table line for ${id:0:12}: $table"
expect_match "table line" "^docker +${id:0:12} +$RT_NAME +dg/base +${digest:0:19} +- +docker +prevent +yes\$" "$line"
pass
