#!/bin/bash
# What connect does not see, pinned: sendto(2) with MSG_FASTOPEN on a TCP
# socket connects inside the send, without security_socket_connect. Under
# connect = prevent with an empty connect_allow and loopback = no it is not
# refused with EPERM (the answer is the network's), and not reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --connect prevent --loopback no
events_start
out=$(in_container /bin/netprobe fastopen 127.0.0.1 9) || true
events_stop
expect_eq "fastopen result" "fastopen: ok" "$out"
expect_eq "connect events" 0 "$(events_count '"class":"connect"')"
pass
