#!/bin/bash
# A reload that points log_json at a path that cannot be opened (here: a
# directory) loses nothing: the records keep going to the log open before,
# and the daemon's sd_notify STATUS= line names the path and the errno.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

# A stand-in for systemd's notify socket: every datagram, one per line.
python3 - "$C"/notify.sock "$C"/notify.txt <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as f:
    while True:
        f.write(s.recv(65536).decode(errors="replace").replace("\n", " ") + "\n")
PY
kill_at_exit $!
wait_until 10 "the notify socket" test -S "$C"/notify.sock

dgd_config
dgd_policy keep "cgroup = $(cg_rel)" "mode = prevent"
export NOTIFY_SOCKET=$C/notify.sock
dgd_start
unset NOTIFY_SOCKET
wait_until 10 "a first STATUS=" grep -q '^STATUS=' "$C"/notify.txt

mkdir "$C"/newlog
sed -i "s|^log_json = .*|log_json = $C/newlog|" "$C"/etc/driftguard.conf
wait_until 10 "STATUS= to name the log that cannot be opened" \
	grep -q "STATUS=.*$C/newlog: cannot open the event log: Is a directory" "$C"/notify.txt

drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
wait_until 10 "the record in the log open before" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
"$DRIFTCTL" verify-log "$C"/events.jsonl >/dev/null || fail "the old log's chain is broken"
expect_match "the daemon says it keeps the old log" "still writing the one open before" "$(cat "$C"/dgd.err)"
dgd_stop
pass
