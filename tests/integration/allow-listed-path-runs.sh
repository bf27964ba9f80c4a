#!/bin/bash
# A drifted file on the allow list runs; another drifted file is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --allow /tmp/allowed
drop "$BIN"/hello /tmp/allowed
drop "$BIN"/hello /tmp/other
expect_runs /tmp/allowed >/dev/null
expect_denied /tmp/other
pass
