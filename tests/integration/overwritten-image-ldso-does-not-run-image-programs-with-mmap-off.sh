#!/bin/bash
# With mode = prevent and mmap = off (the CLI's default), the image's
# dynamic loader is overwritten at runtime (it is now an upper-layer file).
# The kernel maps a binary's ELF interpreter during exec: that mapping is
# part of the exec and judged with the exec modes, so an image program
# (/bin/hello-dyn) does not run through the drifted loader, and one blocked
# upper event names the loader.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap off
expect_runs /bin/hello-dyn >/dev/null
out=$(in_container /bin/sh -c 'cp /lib64/ld-linux-x86-64.so.2 /tmp/ld &&
	cp /tmp/ld /lib64/ld-linux-x86-64.so.2') ||
	fail "set-up: overwrite the image's loader: $out"
[ -f "$C"/upper/lib64/ld-linux-x86-64.so.2 ] ||
	fail "set-up: the overwritten loader is not in the upper layer"
events_start
rc=0
out=$(in_container /bin/hello-dyn) || rc=$?
events_stop
case $out in *"hello from"*) fail "an image program ran through the overwritten loader: $out" ;; esac
[ "$rc" != 0 ] || fail "/bin/hello-dyn exited 0: $out"
expect_eq "blocked upper events naming the loader" 1 \
	"$(events_count '"action":"blocked","class":"upper".*"path":"/lib64/ld-linux-x86-64.so.2"')"
pass
