#!/bin/bash
# With execmem = deny, mmap(PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE |
# MAP_ANONYMOUS) in a container fails with EPERM (the code is never run),
# and one blocked execmem event reports it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --execmem deny
events_start
out=$(in_container /bin/memexec anon-mmap) && fail "the RWX mapping was made: $out"
events_stop
expect_match "refused with EPERM" 'mmap .*: Operation not permitted' "$out"
expect_eq "blocked execmem events" 1 \
	"$(events_count '"action":"blocked","class":"execmem","hook":"mmap"')"
pass
