#!/bin/bash
# The policy denies hello-dyn, a dynamic program of the image. Started
# through the image's own loader (ld-linux-x86-64.so.2 /bin/hello-dyn, so
# that only the loader is exec'd and the denied file is only mapped), it is
# refused: it does not run, and one blocked prohibited event names it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent --deny hello-dyn
out=$(in_container /bin/hello-dyn) || true
expect_match "set-up: the deny entry holds for a plain exec" 'Operation not permitted' "$out"
events_start
rc=0
out=$(in_container /lib64/ld-linux-x86-64.so.2 /bin/hello-dyn) || rc=$?
events_stop
case $out in *"hello from"*) fail "the denied program ran through the image's ld.so: $out" ;; esac
[ "$rc" != 0 ] || fail "the loader exited 0: $out"
expect_eq "blocked prohibited events naming hello-dyn" 1 \
	"$(events_count '"action":"blocked","class":"prohibited".*"path":"/bin/hello-dyn"')"
pass
