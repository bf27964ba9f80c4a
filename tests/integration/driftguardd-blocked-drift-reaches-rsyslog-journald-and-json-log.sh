#!/bin/bash
# A drifted exec blocked under a driftguardd policy reaches all three outputs:
# a real rsyslogd (Debian's) writes the key=value line to its file, a real
# systemd-journald stores it with DRIFTGUARD_* fields that journalctl -o json
# finds by DRIFTGUARD_ACTION=blocked, and the JSON log has the record, with
# its container context, the policy's severity and runbook, and an intact chain.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

journald_start
rsyslogd_start <<CONF
module(load="imuxsock" SysSock.Name="$C/syslog.sock" SysSock.UseSystemd="off")
template(name="line" type="string" string="%syslogfacility-text%.%syslogseverity-text% %syslogtag%%msg%\n")
*.* action(type="omfile" file="$C/syslog.txt" template="line")
CONF

dgd_config "journald = yes" "syslog = yes" "syslog_socket = $C/syslog.sock"
dgd_policy outputs "cgroup = $(cg_rel)" "mode = prevent" "severity = high" \
	"runbook = https://runbooks.example/drift"
dgd_start

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped

wait_until 10 "the JSON record" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
expect_match "JSON record" \
	'"record":"drift".*"policy":"outputs","severity":"high","runbook":"https://runbooks.example/drift"' \
	"$(grep '"path":"/tmp/dropped"' "$C"/events.jsonl)"
"$DRIFTCTL" verify-log "$C"/events.jsonl >/dev/null || fail "the JSON log's chain is broken"

wait_until 10 "the syslog line in rsyslogd's file" grep -q 'path=/tmp/dropped' "$C"/syslog.txt
line=$(grep 'path=/tmp/dropped' "$C"/syslog.txt)
expect_match "syslog line" '^daemon\.err driftguardd\[[0-9]+\]: .*action=blocked .*class=upper .*hook=exec ' "$line"
expect_match "syslog line policy" 'policy=outputs severity=high' "$line"

json() { journalctl -o json --no-pager DRIFTGUARD_ACTION=blocked DRIFTGUARD_PATH=/tmp/dropped 2>&1; }
wait_until 10 "journalctl to find the event" sh -c "journalctl -o json --no-pager DRIFTGUARD_ACTION=blocked | grep -q /tmp/dropped"
entry=$(json)
expect_match "journal MESSAGE_ID" '"MESSAGE_ID":"5b1f0c7e9a2d4c38b6e1d0f4a7c9e213"' "$entry"
expect_match "journal PRIORITY (high, blocked: err)" '"PRIORITY":"3"' "$entry"
expect_match "journal fields" '"DRIFTGUARD_CLASS":"upper"' "$entry"
expect_match "journal policy" '"DRIFTGUARD_POLICY":"outputs"' "$entry"
expect_match "journal message" '"MESSAGE":"blocked upper exec: /tmp/dropped"' "$entry"
dgd_stop
pass
