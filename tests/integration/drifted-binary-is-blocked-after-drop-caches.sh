#!/bin/bash
# Dropping the dentry and inode caches forgets nothing: still blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
in_container /bin/sh -c "cat /bin/hello-dyn >/bin/hello"
sync
echo 3 >/proc/sys/vm/drop_caches
expect_denied /tmp/dropped
expect_denied /bin/hello
pass
