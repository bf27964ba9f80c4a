#!/bin/bash
# A hard link made at runtime to an image binary is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/ln /bin/hello /tmp/linked
expect_denied /tmp/linked
pass
