#!/bin/bash
# An image binary renamed at runtime is blocked under its new name.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/mv /bin/hello /bin/renamed
expect_denied /bin/renamed
pass
