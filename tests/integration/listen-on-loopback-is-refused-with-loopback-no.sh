#!/bin/bash
# With loopback = no, loopback is judged like any address: a listen on
# 127.0.0.1:8080 under listen = prevent with an empty listen_allow gets EPERM.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --loopback no
out=$(in_container /bin/netprobe listen tcp 127.0.0.1 8080) &&
	fail "listening on loopback was allowed with loopback = no: $out"
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
pass
