#!/bin/bash
# With connect = prevent and connect_allow = udp:10.0.0.0/8:53, a connected
# UDP socket to 10.1.2.3:53 is not refused by the module (the guest has no
# route there: the network's answer is not EPERM), and nothing is reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --connect-allow udp:10.0.0.0/8:53
events_start
out=$(in_container /bin/netprobe connect udp 10.1.2.3 53) || true
events_stop
case $out in
*"Operation not permitted"*) fail "a connect inside connect_allow was refused: $out" ;;
connect:*) ;;
*) fail "netprobe did not run: $out" ;;
esac
expect_eq "connect events" 0 "$(events_count '"class":"connect"')"
pass
