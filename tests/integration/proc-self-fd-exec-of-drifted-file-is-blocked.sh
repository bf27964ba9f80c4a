#!/bin/bash
# execve("/proc/self/fd/N") of a drifted file is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
expect_denied /bin/fd-exec proc /tmp/dropped
pass
