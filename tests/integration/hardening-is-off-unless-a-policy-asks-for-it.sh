#!/bin/bash
# Under mode = memfd = volume = mmap = prevent with no hardening key, a
# container may still make a user namespace, anonymous RWX memory, and
# write its own /proc/self/mem: each hardening key is off by default.
# No event.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
events_start
expect_runs /bin/memexec anon-mprotect >/dev/null
expect_runs /bin/memexec procmem self >/dev/null
# A chrooted task may never make a user namespace: ask from a runc container
# (last: its cgroup, a child of $CG, keeps in_container out of $CG).
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run busybox unshare -U /bin/hello) ||
	fail "unshare -U in a container: $out"
expect_match "a user namespace was made" 'hello from /bin/hello' "$out"
events_stop
expect_eq "events" 0 "$(events_count .)"
pass
