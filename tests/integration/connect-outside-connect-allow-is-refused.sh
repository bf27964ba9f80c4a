#!/bin/bash
# With connect = prevent and connect_allow = 10.0.0.0/8, a TCP connect to
# 192.0.2.1:443 gets EPERM before any packet leaves, and one blocked connect
# event names the protocol, address and port.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --connect-allow 10.0.0.0/8
events_start
out=$(in_container /bin/netprobe connect tcp 192.0.2.1 443) &&
	fail "a connect outside connect_allow was allowed: $out"
events_stop
expect_match "refused with EPERM" '^connect: Operation not permitted' "$out"
expect_eq "blocked connect events naming tcp 192.0.2.1:443" 1 \
	"$(events_count '"action":"blocked","class":"connect","hook":"connect".*"protocol":"tcp","address":"192.0.2.1","port":443')"
pass
