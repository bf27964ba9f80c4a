#!/bin/bash
# listen(2) on an unbound TCP socket makes the kernel pick an ephemeral
# port: judged as port 0. With listen = prevent and listen_allow = tcp:80
# it is refused with EPERM.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow tcp:80
out=$(in_container /bin/netprobe listen tcp 0.0.0.0 0) &&
	fail "listening on an ephemeral port was allowed: $out"
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
pass
