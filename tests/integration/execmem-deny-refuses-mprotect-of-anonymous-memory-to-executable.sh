#!/bin/bash
# With execmem = deny, code written to anonymous memory cannot be made
# executable with mprotect(PROT_READ|PROT_EXEC) (write, then execute, as a
# shellcode stager does): EPERM and one blocked execmem event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --execmem deny
events_start
out=$(in_container /bin/memexec anon-mprotect) && fail "the written memory was made executable: $out"
events_stop
expect_match "refused with EPERM" 'mprotect .*: Operation not permitted' "$out"
expect_eq "blocked execmem events" 1 \
	"$(events_count '"action":"blocked","class":"execmem","hook":"mmap"')"
pass
