#!/bin/bash
# Stopping the container (unmounting its overlay) and starting it again on
# the same upper layer keeps drifted files drifted.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
in_container /bin/sh -c "cat /bin/hello-dyn >/bin/hello"
container_umount
container_mount
expect_denied /tmp/dropped
expect_denied /bin/hello
expect_runs /bin/hello-dyn >/dev/null
pass
