#!/bin/bash
# With listen = prevent and listen_allow = tcp:80, a container process that
# starts listening on TCP port 8080 gets EPERM from listen(2), and one
# blocked listen event names the protocol, address and port.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow tcp:80
events_start
out=$(in_container /bin/netprobe listen tcp 0.0.0.0 8080) &&
	fail "listening on an unlisted port was allowed: $out"
events_stop
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
expect_eq "blocked listen events naming tcp 0.0.0.0:8080" 1 \
	"$(events_count '"action":"blocked","class":"listen","hook":"listen".*"protocol":"tcp","address":"0.0.0.0","port":8080')"
pass
