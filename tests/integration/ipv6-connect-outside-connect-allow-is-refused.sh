#!/bin/bash
# IPv6 destinations are judged against IPv6 entries: with connect = prevent
# and connect_allow = [fd00::/8]:443, a TCP connect to [2001:db8::1]:443 gets
# EPERM and the event names the address 2001:db8::1.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --connect-allow '[fd00::/8]:443'
events_start
out=$(in_container /bin/netprobe connect tcp 2001:db8::1 443) &&
	fail "an IPv6 connect outside connect_allow was allowed: $out"
events_stop
expect_match "refused with EPERM" '^connect: Operation not permitted' "$out"
expect_eq "blocked connect events naming 2001:db8::1" 1 \
	"$(events_count '"class":"connect".*"address":"2001:db8::1","port":443')"
pass
