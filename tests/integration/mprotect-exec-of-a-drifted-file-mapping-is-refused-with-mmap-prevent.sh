#!/bin/bash
# A dropped file mapped read-only and then made executable with
# mprotect(PROT_READ|PROT_EXEC) is refused with --mmap prevent: EPERM and
# one blocked mmap event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap prevent
drop "$BIN"/hello /tmp/dropped
events_start
out=$(in_container /bin/memexec file-mprotect /tmp/dropped) && fail "the mapping was made executable: $out"
events_stop
expect_match "refused with EPERM" 'mprotect .*: Operation not permitted' "$out"
expect_eq "blocked mmap events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"mmap".*"path":"/tmp/dropped"')"
pass
