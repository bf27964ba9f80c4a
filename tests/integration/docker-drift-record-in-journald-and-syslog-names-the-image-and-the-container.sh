#!/bin/bash
# On Docker, a refused dropped binary's record reaches a real
# systemd-journald and a real rsyslogd with the workload's context as
# docker's config.v2.json has it: journal fields DRIFTGUARD_IMAGE (dg/base),
# DRIFTGUARD_IMAGE_ID (the image's sha256 id) and DRIFTGUARD_CONTAINER_NAME,
# and the same image=, image_id= and container_name= keys in the syslog line.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
# journald and rsyslogd first (in a directory of their own: rt_policy makes
# C), so that driftguardd finds their sockets when it starts.
C=$(mktemp -d /tmp/dglog.XXXXXX)
LOGS=$C
at_exit rm -rf "$LOGS"
journald_start
rsyslogd_start <<CONF
module(load="imuxsock" SysSock.Name="$LOGS/syslog.sock" SysSock.UseSystemd="off")
template(name="line" type="string" string="%syslogfacility-text%.%syslogseverity-text% %syslogtag%%msg%\n")
*.* action(type="omfile" file="$LOGS/syslog.txt" template="line")
CONF
RT_CONF=("journald = yes" "syslog = yes" "syslog_socket = $LOGS/syslog.sock")
rt_policy docker
digest=$(docker image inspect -f '{{.Id}}' dg/base)
expect_match "dg/base's image id" '^sha256:[0-9a-f]{64}$' "$digest"
out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped')
expect_refused "dropped binary" "$out"
expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'

journal() {
	journalctl -o json --no-pager DRIFTGUARD_ACTION=blocked DRIFTGUARD_PATH=/tmp/dropped \
		DRIFTGUARD_CONTAINER_ID="$(rt_id)"
}
journal_has() { journal | grep -q .; }
wait_until 30 "journalctl to find the record" journal_has
entry=$(journal | head -n 1)
expect_eq "journal runtime" docker "$(jq -r .DRIFTGUARD_RUNTIME <<<"$entry")"
expect_eq "journal image" dg/base "$(jq -r .DRIFTGUARD_IMAGE <<<"$entry")"
expect_eq "journal image id" "$digest" "$(jq -r .DRIFTGUARD_IMAGE_ID <<<"$entry")"
expect_eq "journal container name" "$RT_NAME" "$(jq -r .DRIFTGUARD_CONTAINER_NAME <<<"$entry")"

wait_until 10 "the syslog line in rsyslogd's file" grep -q 'path=/tmp/dropped' "$LOGS"/syslog.txt
line=$(grep 'path=/tmp/dropped' "$LOGS"/syslog.txt | head -n 1)
expect_match "syslog runtime" ' runtime=docker( |$)' "$line"
expect_match "syslog image" ' image=dg/base( |$)' "$line"
expect_match "syslog image id" " image_id=$digest( |\$)" "$line"
expect_match "syslog container name" " container_name=$RT_NAME( |\$)" "$line"
pass
