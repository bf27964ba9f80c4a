#!/bin/bash
# With listen = prevent, a listen on a port inside a listen_allow range
# (tcp:8000-8100) succeeds, and nothing is reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow udp:53 --listen-allow tcp:8000-8100
events_start
out=$(expect_runs /bin/netprobe listen tcp 0.0.0.0 8080)
events_stop
expect_eq "listen result" "listen: ok" "$out"
expect_eq "listen events" 0 "$(events_count '"class":"listen"')"
pass
