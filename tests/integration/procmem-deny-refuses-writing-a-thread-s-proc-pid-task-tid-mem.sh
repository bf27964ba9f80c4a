#!/bin/bash
# With procmem = deny, the per-thread view of a process's memory,
# /proc/<pid>/task/<tid>/mem, cannot be opened for writing either: it is
# the same file as /proc/<pid>/mem under another name. EPERM, one blocked
# procmem event naming the file.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --procmem deny
events_start
out=$(in_container /bin/sh -c ': 1<>/proc/$$/task/$$/mem && echo opened' 2>&1) &&
	fail "a thread's mem file was opened for writing: $out"
events_stop
expect_match "refused with EPERM" 'Operation not permitted' "$out"
expect_eq "blocked procmem events" 1 \
	"$(events_count '"action":"blocked","class":"procmem","hook":"open".*"path":"/proc/[0-9]+/task/[0-9]+/mem"')"
pass
