#!/bin/bash
# execveat(fd, "", AT_EMPTY_PATH) of a drifted file is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
expect_denied /bin/fd-exec execveat /tmp/dropped
pass
