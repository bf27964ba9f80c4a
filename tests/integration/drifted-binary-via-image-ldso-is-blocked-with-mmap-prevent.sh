#!/bin/bash
# Running a drifted dynamic binary through the image's own dynamic loader
# (no execve of the drifted file) is blocked with --mmap prevent.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap prevent
drop "$BIN"/hello-dyn /tmp/dropped-dyn
out=$(in_container /lib64/ld-linux-x86-64.so.2 /tmp/dropped-dyn) && fail "ran: $out"
printf '%s' "$out" | grep -q 'hello from' && fail "drifted code ran: $out"
pass
