#!/bin/bash
# Under mode = memfd = volume = mmap = prevent, a container process that
# chroots into its rootfs's own /usr still runs the image's programs there
# (/usr/bin/apt-get as /bin/apt-get), and no event is sent.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
out=$(expect_runs /bin/busybox chroot /usr /bin/apt-get)
events_stop
expect_match "output" 'hello from /bin/apt-get' "$out"
expect_eq "events" 0 "$(events_count .)"
pass
