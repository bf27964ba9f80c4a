#!/bin/bash
# The policy follows the task's cgroup, not its network namespace: the
# other tests' containers share the host's network namespace (as
# hostNetwork pods do); one in a network namespace of its own is judged
# the same. Under listen = prevent with listen_allow = tcp:80, a listen on
# TCP port 8080 there gets EPERM.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow tcp:80
out=$(in_container /bin/busybox unshare -n /bin/netprobe listen tcp 0.0.0.0 8080) &&
	fail "listening in a network namespace of its own was allowed: $out"
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
pass
