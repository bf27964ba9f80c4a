#!/bin/bash
# With --memfd prevent inherited, a runc container still starts (runc's own
# re-exec is not mistaken for the container's drift), and a memfd
# fexecve inside it is blocked.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
# runc copies a container's stdout and stderr on pipes of their own, each
# on its own schedule: the entrypoint sends both down stdout, in order.
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent
out=$(runc_run /bin/sh -c 'exec 2>&1; echo started; /bin/memfd-exec /bin/hello; echo "exit=$?"') ||
	fail "container failed: $out"
expect_match "container started" '^started' "$out"
expect_match "memfd exec" 'memfd-exec: Operation not permitted' "$out"
pass
