#!/bin/bash
# connect(2) of a UDP socket fixes its destination: with connect = prevent
# and connect_allow = udp:10.0.0.0/8:53, a UDP connect to 192.0.2.1:53 gets
# EPERM (the port matches, the address does not).
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --connect-allow udp:10.0.0.0/8:53
out=$(in_container /bin/netprobe connect udp 192.0.2.1 53) &&
	fail "a UDP connect outside connect_allow was allowed: $out"
expect_match "refused with EPERM" '^connect: Operation not permitted' "$out"
pass
