#!/bin/bash
# Overwriting the image's dynamic loader at runtime does not run code under
# --mode prevent with --mmap off: the kernel's own mapping of a binary's ELF
# interpreter during exec is judged with the exec modes, so an image dynamic
# binary whose loader is now an upper-layer file is refused (the exec has
# passed its point of no return: the process is killed) and one blocked
# mmap event names the loader.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap off
expect_runs /bin/hello-dyn | grep -q 'hello from' || fail "image binary did not run"
cp -L /lib64/ld-linux-x86-64.so.2 "$ROOT"/lib64/ld-linux-x86-64.so.2
events_start
out=$(in_container /bin/hello-dyn) && fail "ran through the overwritten loader: $out"
events_stop
printf '%s' "$out" | grep -q 'hello from' && fail "ran through the overwritten loader: $out"
expect_eq "blocked mmap events naming the loader" 1 "$(events_count \
	'"action":"blocked","class":"upper","hook":"mmap".*"path":"/lib64/ld-linux-x86-64.so.2"')"
pass
