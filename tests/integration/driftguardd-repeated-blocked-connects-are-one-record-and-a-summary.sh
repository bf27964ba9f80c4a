#!/bin/bash
# Network records go through driftguardd like exec records: under a policy
# file's connect = prevent with connect_allow = 10.0.0.0/8, five refused
# connects to 192.0.2.1:443 are one drift record (protocol, address, port)
# and, when driftguardd stops, a summary counting exactly 5; a refused
# connect to another port of that address has its own record.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config "throttle_window = 300"
dgd_policy egress "cgroup = $(cg_rel)" "connect = prevent" \
	"connect_allow = 10.0.0.0/8 [fd00::/8]:443"
dgd_start
out=$(in_container /bin/sh -c 'for i in 1 2 3 4 5; do /bin/netprobe connect tcp 192.0.2.1 443; done
	/bin/netprobe connect tcp 192.0.2.1 444') || true
expect_eq "refusals" 6 "$(printf '%s\n' "$out" | grep -c '^connect: Operation not permitted')"
wait_until 10 "the record of port 444" grep -q '"port":444' "$C"/events.jsonl
sleep 1
dgd_stop
expect_eq "drift records of tcp 192.0.2.1:443" 1 \
	"$(records '"action":"blocked","class":"connect","hook":"connect".*"protocol":"tcp","address":"192.0.2.1","port":443.*"record":"drift"')"
summary=$(grep '"record":"summary"' "$C"/events.jsonl | grep '"port":443' || true)
expect_match "summary of the repeats" '"count":5,"suppressed":4' "$summary"
expect_eq "drift records of tcp 192.0.2.1:444" 1 \
	"$(records '"address":"192.0.2.1","port":444.*"record":"drift"')"
"$DRIFTCTL" verify-log "$C"/events.jsonl >/dev/null || fail "the JSON log's chain is broken"
pass
