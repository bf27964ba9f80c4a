#!/bin/bash
# What connect does not see, pinned: a raw socket (CAP_NET_RAW, which
# Docker's default capabilities include) sends an ICMP echo with sendto(2),
# no connect(2). Under connect = prevent with an empty connect_allow and
# loopback = no it is not refused and not reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --loopback no
events_start
out=$(in_container /bin/netprobe raw 127.0.0.1) || true
events_stop
expect_eq "raw send result" "raw: ok" "$out"
expect_eq "connect events" 0 "$(events_count '"class":"connect"')"
pass
