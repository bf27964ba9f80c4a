#!/bin/bash
# Loopback is exempt unless the policy says loopback = no: under
# listen = prevent with an empty listen_allow, a listen on 127.0.0.1:8080
# succeeds.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent
out=$(expect_runs /bin/netprobe listen tcp 127.0.0.1 8080)
expect_eq "listen result" "listen: ok" "$out"
pass
