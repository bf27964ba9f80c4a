#!/bin/bash
# With procmem = deny, a container process cannot write into another
# process of the container through /proc/<pid>/mem (overwriting its code,
# as DDexec does to its shell): EPERM, one blocked procmem event.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --procmem deny
events_start
# The target is the container's shell, the writer a program it runs.
out=$(in_container /bin/sh -c '
	addr=0x$(busybox head -n 1 /proc/$$/maps | busybox cut -d- -f1)
	/bin/memexec procmem $$ $addr') && fail "another process's memory was written: $out"
events_stop
expect_match "refused with EPERM" 'open /proc/PID/mem for writing: Operation not permitted' "$out"
expect_eq "blocked procmem events" 1 \
	"$(events_count '"action":"blocked","class":"procmem","hook":"open"')"
pass
