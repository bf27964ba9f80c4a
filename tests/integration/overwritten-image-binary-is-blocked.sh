#!/bin/bash
# An image binary overwritten at runtime is drift: blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
expect_runs /bin/hello >/dev/null
in_container /bin/cp /bin/hello-dyn /bin/hello
expect_denied /bin/hello
pass
