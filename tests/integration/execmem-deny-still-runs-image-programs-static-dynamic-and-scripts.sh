#!/bin/bash
# With execmem = deny (and every class at prevent), the image's programs
# still run, static, dynamic (ld.so maps libc executable, privately, never
# written) and shell scripts, and no event is sent.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent --execmem deny
events_start
expect_runs /bin/hello >/dev/null
expect_runs /bin/hello-dyn >/dev/null
expect_runs /bin/sh -c 'echo shell-ok' >/dev/null
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
