#!/bin/bash
# With "syslog_format = rfc5424", a real rsyslogd whose input runs the RFC
# 5424 parser reads driftguardd's blocked record with APP-NAME driftguardd,
# PROCID its pid, MSGID "drift", and the key=value message.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
rsyslogd_start <<CONF
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$C/syslog.sock" UseSpecialParser="off" ParseHostname="on")
template(name="fields" type="string" string="app=%app-name% procid=%procid% msgid=%msgid% sev=%syslogseverity-text% msg=%msg%\n")
*.* action(type="omfile" file="$C/syslog.txt" template="fields")
CONF

dgd_config "syslog = yes" "syslog_socket = $C/syslog.sock" "syslog_format = rfc5424"
dgd_policy rfc "cgroup = $(cg_rel)" "mode = prevent" "severity = medium"
dgd_start
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
wait_until 10 "the record in rsyslogd's file" grep -q 'path=/tmp/dropped' "$C"/syslog.txt
expect_match "fields rsyslog parsed" \
	"^app=driftguardd procid=$DGD_PID msgid=drift sev=warning msg=.*action=blocked .*path=/tmp/dropped" \
	"$(grep 'path=/tmp/dropped' "$C"/syslog.txt)"
dgd_stop
pass
