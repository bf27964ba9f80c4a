#!/bin/bash
# An image binary whose mode was changed at runtime (a copy-up) is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/chmod 700 /bin/hello
expect_denied /bin/hello
pass
