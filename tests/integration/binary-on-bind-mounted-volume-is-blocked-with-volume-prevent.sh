#!/bin/bash
# A binary written on a bind-mounted volume is not in the overlay, and is
# blocked with --volume prevent.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
volume_create
policy --volume prevent
cp "$BIN"/hello "$C"/data-volume/tool
expect_denied /data/tool
policy --volume off
expect_runs /data/tool >/dev/null
pass
