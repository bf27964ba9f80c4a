#!/bin/bash
# With --mmap off the image's loader may map a drifted binary: it runs.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap off
drop "$BIN"/hello-dyn /tmp/dropped-dyn
expect_runs /lib64/ld-linux-x86-64.so.2 /tmp/dropped-dyn | grep -q 'hello from' ||
	fail "no output"
pass
