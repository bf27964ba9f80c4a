#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# driftguardd writes metrics_textfile for node_exporter's textfile
# collector. While its directory does not exist, the daemon says so once in
# its log and keeps running; once the directory exists, the file appears,
# whole (written beside it and renamed over it, so no temporary file stays),
# and the log says it is written again; it is readable by all (node_exporter
# runs as a user of its own), whatever the daemon's umask. Runs the daemon
# on the host: it waits for the module, which is never loaded here, and
# writes the metrics meanwhile.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

bin=$repo/build/bin/driftguardd
[ -x "$bin" ] || fail "$bin is not built (make userspace)"
textfile=$tmp/textfile/driftguard.prom
mkdir -p "$tmp"/etc/policy.d
printf '[daemon]\nlog_json = %s\njournald = no\nmetrics_textfile = %s\n' \
	"$tmp"/events.jsonl "$textfile" >"$tmp"/etc/driftguard.conf

# The umask of driftguard.service.
(umask 0027; exec "$bin" --config-dir "$tmp"/etc >"$tmp"/out 2>"$tmp"/err) &
pid=$!
at_exit kill_quietly "$pid"
wait_until --log "$tmp"/err 10 "the log line" grep -qF \
	"metrics_textfile $textfile: cannot write: No such file or directory (its directory does not exist) (trying again every 2 s)" \
	"$tmp"/err
kill -0 "$pid" 2>/dev/null || fail "driftguardd exited: $(cat "$tmp"/err)"

mkdir "$tmp"/textfile
wait_until --log "$tmp"/err 10 "the textfile" test -e "$textfile"
wait_until --log "$tmp"/err 10 "the log line saying so" \
	grep -qF "metrics_textfile $textfile: written again" "$tmp"/err
expect_eq "lines of the log about the textfile" 2 "$(grep -c metrics_textfile "$tmp"/err)"
expect_eq "files in its directory" driftguard.prom "$(ls -A "$tmp"/textfile)"
# node_exporter runs as a user of its own, whatever driftguardd's umask.
expect_eq "the textfile's mode" 644 "$(stat -c %a "$textfile")"
expect_match "the textfile, whole" \
	'^# HELP driftguard_build_info .*driftguard_module_loaded 0.*# TYPE driftguard_records_total counter$' \
	"$(tr '\n' ' ' <"$textfile" | sed 's/ $//')"
kill "$pid"
wait "$pid" || fail "driftguardd exited $? on SIGTERM: $(cat "$tmp"/err)"
pass
