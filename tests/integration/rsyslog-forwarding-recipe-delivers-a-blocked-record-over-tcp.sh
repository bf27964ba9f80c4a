#!/bin/bash
# The shipped rsyslog recipe (etc/rsyslog/60-driftguard-forward.conf) forwards
# driftguardd's records over TCP: driftguardd writes to a real rsyslogd's
# local socket (syslog = yes), that rsyslogd runs the recipe as shipped with
# only the target and port set, and a second rsyslogd listening on
# 127.0.0.1 (imtcp) receives the blocked exec's record as RFC 5424 with
# app-name driftguardd, its key=value message and the new fields. The
# daemon's own messages are not forwarded.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

port=10514
mkdir -p "$C"/spool
# The central server.
cat >"$C"/server.conf <<CONF
global(workDirectory="$C/spool")
module(load="imtcp")
input(type="imtcp" address="127.0.0.1" port="$port")
template(name="rec" type="string" string="%app-name% %msgid% %msg%\n")
*.* action(type="omfile" file="$C/received.txt" template="rec")
CONF
rsyslogd -n -f "$C"/server.conf -i "$C"/server.pid >"$C"/server.out 2>&1 &
kill_at_exit $!
wait_until 10 "the server to listen on $port" sh -c "ss -ltn | grep -q '127.0.0.1:$port '"

# The node's rsyslogd: its local socket, and the recipe as shipped.
sed -e 's/target="logs.example.com"/target="127.0.0.1"/' -e "s/port=\"514\"/port=\"$port\"/" \
	"$DG_SRC"/etc/rsyslog/60-driftguard-forward.conf >"$C"/forward.conf
grep -q 'target="127.0.0.1"' "$C"/forward.conf && grep -q "port=\"$port\"" "$C"/forward.conf ||
	fail "the recipe's target or port line changed: update this test"
rsyslogd_start <<CONF
global(workDirectory="$C/spool")
module(load="imuxsock" SysSock.Name="$C/syslog.sock" SysSock.UseSystemd="off")
include(file="$C/forward.conf")
CONF

dgd_config "syslog = yes" "syslog_socket = $C/syslog.sock"
dgd_policy fwd "cgroup = $(cg_rel)" "mode = prevent"
dgd_start

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
wait_until 20 "the record at the server" grep -q 'path=/tmp/dropped' "$C"/received.txt
line=$(grep 'path=/tmp/dropped' "$C"/received.txt)
expect_match "app-name, msgid (the record kind), message" \
	'^driftguardd - .*record=drift' "$line"
expect_match "the event" 'action=blocked .*class=upper .*hook=exec ' "$line"
expect_match "the new fields" "node=$(uname -n) uuid=[0-9a-f-]{36} exe=" "$line"
expect_eq "only records are forwarded" 0 "$(grep -vc 'record=' "$C"/received.txt || true)"
dgd_stop
pass
