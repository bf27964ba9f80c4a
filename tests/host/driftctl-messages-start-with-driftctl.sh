#!/bin/bash
# Every message driftctl writes for bad input is "driftctl: ...", naming
# the command and what is wrong, followed only by the usage; none comes
# from getopt under another name ("set: unrecognized option"). Exit 2.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"

n=0
while IFS='|' read -r args want; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # one line, several words
	run $args
	expect_eq "driftctl $args: exit status" 2 "$RC"
	expect_eq "driftctl $args: message" "$want" "$(head -n 1 <<<"$ERR")"
	# After the message: the usage, and lines that continue it.
	tail -n +2 <<<"$ERR" | grep -v '^usage: driftctl \|^   ' &&
		fail "driftctl $args: stray lines on stderr: $ERR"
done <<'EOF2'
--bogus|driftctl: unknown option '--bogus' (driftctl --help lists them)
status extra|driftctl: status: unexpected argument 'extra'
status --bogus|driftctl: status: unknown option '--bogus'
status -x|driftctl: status: unknown option '-x'
policy set x --bogus|driftctl: policy set: unknown option '--bogus'
policy set x --mode|driftctl: policy set: option '--mode' needs a value
policy set x --json=yes|driftctl: policy set: option '--json' takes no value
policy set --mode prevent|driftctl: policy set: CGROUP is missing
policy set x --mode deny|driftctl: policy set: --mode: 'deny' is not off, detect or prevent
policy set x --userns block|driftctl: policy set: --userns: 'block' is not off, detect or deny
policy set x --execmem=on|driftctl: policy set: --execmem: 'on' is not off, detect or deny
policy set x --procmem|driftctl: policy set: option '--procmem' needs a value
policy get|driftctl: policy get: CGROUP is missing
policy del a b|driftctl: policy del: unexpected argument 'b'
alert-only|driftctl: alert-only: on or off is missing
alert-only maybe|driftctl: alert-only: 'maybe' is not on or off
lock now|driftctl: lock: unexpected argument 'now'
events --follow|driftctl: events: unknown option '--follow'
verify-log|driftctl: verify-log: FILE is missing
help status extra|driftctl: help: unexpected argument 'extra'
EOF2
pass "$n kinds of bad input, each one message with the driftctl: prefix"
