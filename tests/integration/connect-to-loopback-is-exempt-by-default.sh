#!/bin/bash
# Loopback is exempt unless loopback = no: under connect = prevent with an
# empty connect_allow, a TCP connect to 127.0.0.1 is not refused by the
# module (nothing listens: the answer is the network's), and not reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent
events_start
out=$(in_container /bin/netprobe connect tcp 127.0.0.1 9) || true
events_stop
case $out in
*"Operation not permitted"*) fail "a loopback connect was refused: $out" ;;
connect:*) ;;
*) fail "netprobe did not run: $out" ;;
esac
expect_eq "connect events" 0 "$(events_count '"class":"connect"')"
pass
