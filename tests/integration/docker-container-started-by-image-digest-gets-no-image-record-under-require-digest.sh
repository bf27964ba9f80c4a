#!/bin/bash
# Under require_digest = yes, a Docker container started by its image's
# digest (the image ID in full, sha256:..., which names content as
# NAME@sha256: does; the test images come from `docker load` and have no
# registry digest to run by) gets no "image" record; one started from the
# tag right after it does, so the daemon did look at both.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker "mode=prevent" "require_digest=yes"
digest=$(docker image inspect -f '{{.Id}}' dg/base)
rt_start "$digest" sleep 300
pinned=$(rt_id)
# shellcheck disable=SC2317  # reached through at_exit
rm_tagged() { docker rm -f "$RT_NAME-tag" >/dev/null 2>&1; }
at_exit rm_tagged
tagged=$(docker run -d --name "$RT_NAME-tag" --network host dg/base sleep 300)
wait_until 30 "the tagged container's image record" grep -q "\"record\":\"image\".*$tagged" "$C"/events.jsonl
# Stopping decides any start still waiting for its runtime's files.
dgd_stop
expect_eq "image records of the tagged container" 1 "$(records "\"record\":\"image\".*\"container_id\":\"$tagged\"")"
expect_eq "image records of the pinned container" 0 "$(records "\"container_id\":\"$pinned\"")"
pass
