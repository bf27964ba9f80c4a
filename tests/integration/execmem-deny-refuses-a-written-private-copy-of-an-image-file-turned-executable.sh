#!/bin/bash
# With execmem = deny, a private mapping of an image file (the image's own
# libc) that was written to cannot be made executable: what runs would be
# the written bytes, not the image's. EPERM and one blocked execmem event
# naming the file.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --execmem deny
events_start
out=$(in_container /bin/memexec written-private /lib/x86_64-linux-gnu/libc.so.6) &&
	fail "the written copy was made executable: $out"
events_stop
expect_match "refused with EPERM" 'mprotect .*: Operation not permitted' "$out"
expect_eq "blocked execmem events naming the file" 1 \
	"$(events_count '"action":"blocked","class":"execmem","hook":"mmap".*"path":"/lib/x86_64-linux-gnu/libc.so.6"')"
pass
