#!/bin/bash
# On containerd (a plain `ctr run`: its OCI bundle names no image),
# driftguardd's record of a refused dropped binary says which image the
# container was created from, as containerd's own database (meta.db, found
# through the bundle's work link) has it: the reference
# (docker.io/dg/base:latest) and the image id, the digest of the image's
# config (`ctr content get` of the image's manifest).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
manifest=$(ctr images ls | awk '$1 == "docker.io/dg/base:latest" { print $3 }')
digest=$(ctr content get "$manifest" | jq -r .config.digest)
expect_match "dg/base's config digest" '^sha256:[0-9a-f]{64}$' "$digest"
rt_dropped_binary_is_refused dg/base
rec=$DROPPED_RECORD
expect_match "image in the record" '"image":"docker.io/dg/base:latest"' "$rec"
expect_match "image digest in the record" "\"image_id\":\"$digest\"" "$rec"
pass
