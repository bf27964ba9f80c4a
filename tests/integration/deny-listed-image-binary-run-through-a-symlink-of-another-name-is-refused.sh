#!/bin/bash
# "--deny apt-get" refuses the image's /usr/bin/apt-get run through an image
# symlink of another name (/bin/get): the name asked for is not the entry,
# the file's own name is.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
ln -s /usr/bin/apt-get "$C"/image/bin/get
container_mount
policy --deny apt-get
expect_denied /bin/get
pass
