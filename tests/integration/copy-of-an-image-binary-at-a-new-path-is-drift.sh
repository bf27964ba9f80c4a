#!/bin/bash
# A new file with the same bytes as an image binary (cp /bin/hello
# /tmp/hello) is drift, refused under mode prevent, while the chowned image
# binary it was copied from runs.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
in_container /bin/cp /bin/hello /tmp/hello
expect_runs /bin/hello >/dev/null
expect_denied /tmp/hello
pass
