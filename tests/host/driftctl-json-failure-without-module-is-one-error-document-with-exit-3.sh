#!/bin/bash
# On a host without the module, every command that talks to it, given
# --json, prints exactly one JSON document on stdout, {"error": MESSAGE,
# "exit": 3}, and exits 3; a usage error is {"error", "exit": 2, "usage"}.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"
module_absent

# The cgroup operand must exist before driftctl asks the module about it.
cg=$(awk '$3 == "cgroup2" { print $2; exit }' /proc/self/mounts)
[ -n "$cg" ] || fail "no cgroup2 mount on this host"

n=0
while read -r args; do
	n=$((n + 1))
	# shellcheck disable=SC2086 # one line, several words
	run $args
	expect_eq "driftctl $args: exit status" 3 "$RC"
	json_check 'type(d) is dict and sorted(d) == ["error", "exit"] and d["exit"] == 3 and "not loaded" in d["error"]' ||
		fail "driftctl $args: stdout is not the error document"
done <<EOF2
status --json
--json status
policy list --json
policy get $cg --json
policy set $cg --mode prevent --json
policy del $cg --json
events --json
alert-only on --json
lock --json
-j lock
EOF2

run policy get --json
expect_eq "policy get without CGROUP: exit status" 2 "$RC"
json_check 'd == {"error": "policy get: CGROUP is missing", "exit": 2, "usage": "driftctl policy get CGROUP [--json]"}' ||
	fail "policy get --json without CGROUP: not the usage error document"
run stauts --json
expect_eq "unknown command: exit status" 2 "$RC"
json_check 'd["exit"] == 2 and "did you mean" in d["error"]' ||
	fail "stauts --json: not the usage error document"
pass "$n commands print one error document and exit 3"
