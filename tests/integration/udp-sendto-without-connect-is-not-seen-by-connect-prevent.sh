#!/bin/bash
# What connect does not see, pinned: a datagram sent with sendto(2) on an
# unconnected UDP socket names its destination per message and never goes
# through connect(2). Under connect = prevent with an empty connect_allow
# it is not refused and not reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --loopback no
events_start
out=$(in_container /bin/netprobe sendto udp 127.0.0.1 9) || true
events_stop
expect_eq "sendto result" "sendto: ok" "$out"
expect_eq "connect events" 0 "$(events_count '"class":"connect"')"
pass
