#!/bin/bash
# A UDP service listens by binding: with listen = prevent and
# listen_allow = udp:53, a bind of a UDP socket to port 5353 gets EPERM and
# is reported as a blocked listen by the bind hook.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent --listen-allow udp:53
events_start
out=$(in_container /bin/netprobe bind udp 0.0.0.0 5353) &&
	fail "binding UDP port 5353 was allowed: $out"
events_stop
expect_match "refused with EPERM" '^bind: Operation not permitted' "$out"
expect_eq "blocked listen events by bind naming udp 0.0.0.0:5353" 1 \
	"$(events_count '"action":"blocked","class":"listen","hook":"bind".*"protocol":"udp","address":"0.0.0.0","port":5353')"
pass
