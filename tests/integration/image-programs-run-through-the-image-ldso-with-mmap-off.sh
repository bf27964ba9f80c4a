#!/bin/bash
# Under mode = memfd = volume = prevent with mmap = off, an image program
# runs through the image's untouched dynamic loader, both as its ELF
# interpreter and started as ld-linux-x86-64.so.2 /bin/hello-dyn, and no
# event is sent.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap off
events_start
expect_runs /bin/hello-dyn | grep -q 'hello from' || fail "/bin/hello-dyn printed nothing"
expect_runs /lib64/ld-linux-x86-64.so.2 /bin/hello-dyn | grep -q 'hello from' ||
	fail "ld-linux-x86-64.so.2 /bin/hello-dyn printed nothing"
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
