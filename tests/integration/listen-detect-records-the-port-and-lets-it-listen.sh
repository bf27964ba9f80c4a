#!/bin/bash
# With listen = detect, a listen on an unlisted port succeeds and is
# reported once as alerted, with the protocol, address and port.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen detect
events_start
out=$(expect_runs /bin/netprobe listen tcp 0.0.0.0 8080)
events_stop
expect_eq "listen result" "listen: ok" "$out"
expect_eq "alerted listen events naming tcp 0.0.0.0:8080" 1 \
	"$(events_count '"action":"alerted","class":"listen","hook":"listen".*"protocol":"tcp","address":"0.0.0.0","port":8080')"
pass
