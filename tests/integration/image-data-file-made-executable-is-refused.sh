#!/bin/bash
# An image file the image does not let anyone execute (mode 644) that an
# entrypoint makes executable (chmod 755, a copy-up of metadata only) is
# refused under mode prevent: the image never gave it an execute bit.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
cp "$BIN"/hello "$C"/image/bin/data
chmod 644 "$C"/image/bin/data
container_mount
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello >/dev/null
in_container /bin/chmod 755 /bin/data
expect_denied /bin/data
pass
