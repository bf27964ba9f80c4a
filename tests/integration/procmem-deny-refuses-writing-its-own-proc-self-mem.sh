#!/bin/bash
# With procmem = deny, a container process cannot open its own
# /proc/self/mem for writing (the DDexec route to run code without a
# file): EPERM, and one blocked procmem event naming the file.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --procmem deny
events_start
out=$(in_container /bin/memexec procmem self) && fail "/proc/self/mem was written: $out"
events_stop
expect_match "refused with EPERM" 'open /proc/PID/mem for writing: Operation not permitted' "$out"
expect_eq "blocked procmem events" 1 \
	"$(events_count '"action":"blocked","class":"procmem","hook":"open".*"path":"/proc/[0-9]+/mem"')"
pass
