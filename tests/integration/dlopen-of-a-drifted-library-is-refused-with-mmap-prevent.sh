#!/bin/bash
# An image program that dlopen()s a library dropped into the container
# (a plugin loader fed a payload) fails to load it with --mmap prevent:
# its constructor never runs, and one blocked mmap event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap prevent
drop "$BIN"/libpreload.so /tmp/libdrift.so
events_start
out=$(in_container /bin/dlopen-lib /tmp/libdrift.so) && fail "the drifted library was loaded: $out"
events_stop
case $out in *drift-library-loaded*) fail "the library's constructor ran: $out" ;; esac
# glibc words the refused mmap as its own error, without the errno text.
expect_match "dlopen fails to map the library" 'failed to map segment|Operation not permitted' "$out"
expect_eq "blocked mmap events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"mmap".*"path":"/tmp/libdrift.so"')"
pass
