#!/bin/bash
# modinfo shows the module's license, version and description.
set -eu
. "$DG_SRC/tests/lib.sh"

expect_eq "license" "GPL" "$(modinfo -F license "$DG_KO")"
expect_eq "version" "$(cat "$DG_SRC/VERSION")" "$(modinfo -F version "$DG_KO")"
expect_match "description" 'drift' "$(modinfo -F description "$DG_KO")"
pass
