#!/bin/bash
# An IPv6 socket is judged like an IPv4 one: a listen on [::]:8080 under
# listen = prevent with listen_allow = tcp:80 gets EPERM, and the event
# names the address "::".
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow tcp:80
events_start
out=$(in_container /bin/netprobe listen tcp :: 8080) &&
	fail "listening on [::]:8080 was allowed: $out"
events_stop
expect_match "refused with EPERM" '^listen: Operation not permitted' "$out"
expect_eq "blocked listen events naming tcp [::]:8080" 1 \
	"$(events_count '"class":"listen".*"protocol":"tcp","address":"::","port":8080')"
pass
