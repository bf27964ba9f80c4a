#!/bin/bash
# `driftctl status` talks to the module over its family and prints the
# version the module reports, which is the one modinfo shows.
set -eu
. "$DG_SRC/tests/lib.sh"

want=$(modinfo -F version "$DG_KO")
out=$("$DRIFTCTL" status)
expect_match "driftctl status" "^driftguard module version $want\$" "$(echo "$out" | head -n1)"
json=$("$DRIFTCTL" status --json)
expect_match "driftctl status --json" "\"version\":\"$want\"" "$json"
expect_match "driftctl status --json" '"missed":0' "$json"
pass
