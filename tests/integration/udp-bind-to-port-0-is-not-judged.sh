#!/bin/bash
# A UDP bind to port 0 takes an ephemeral port, as every UDP client does:
# not judged. Under listen = prevent with an empty listen_allow it succeeds
# and nothing is reported.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --listen prevent
events_start
out=$(expect_runs /bin/netprobe bind udp 0.0.0.0 0)
events_stop
expect_eq "bind result" "bind: ok" "$out"
expect_eq "listen events" 0 "$(events_count '"class":"listen"')"
pass
