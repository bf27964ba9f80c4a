#!/bin/bash
# With execmem = deny, mmap(PROT_READ|PROT_WRITE|PROT_EXEC, MAP_SHARED |
# MAP_ANONYMOUS) fails with EPERM, as the same memory made executable with
# mprotect does: shared anonymous memory is anonymous memory either way.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --execmem deny
events_start
out=$(in_container /bin/memexec shared-anon-mmap) && fail "the shared RWX mapping was made: $out"
out2=$(in_container /bin/memexec shared-anon-mprotect) && fail "mprotect made shared anonymous memory executable: $out2"
events_stop
expect_match "mmap refused with EPERM" 'mmap .*: Operation not permitted' "$out"
expect_match "mprotect refused with EPERM" 'mprotect .*: Operation not permitted' "$out2"
expect_eq "blocked execmem events" 2 \
	"$(events_count '"action":"blocked","class":"execmem","hook":"mmap"')"
pass
