#!/bin/bash
# With --memfd prevent inherited, a runc container still starts (runc's own
# re-exec is not mistaken for the container's drift), and a memfd
# fexecve inside it is blocked.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent
out=$(runc_run /bin/sh -c 'echo started; /bin/memfd-exec /bin/hello; echo "exit=$?"') ||
	fail "container failed: $out"
expect_match "container started" '^started' "$out"
expect_match "memfd exec" 'memfd-exec: Operation not permitted' "$out"
pass
