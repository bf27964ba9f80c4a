#!/bin/bash
# driftguardd sets a policy of the documented maximum size (three lists of
# 64 entries of 255 bytes) from its files, and on a reload reads it back
# from the kernel as equal: it is not set again.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
lines=()
for i in $(seq 64); do
	lines+=("allow = $(long_pattern allow- "$i")"
		"deny = $(long_pattern deny- "$i")"
		"watch = $(long_pattern watch- "$i")")
done
dgd_config
dgd_policy big "cgroup = $(cg_rel)" "mode = prevent" "${lines[@]}"
dgd_start
wait_until 10 "the policy to be set ($(cat "$C"/dgd.err))" \
	grep -q "policy big set on $(cg_rel)" "$C"/dgd.err

got=$("$DRIFTCTL" policy get "$CG" --json)
for list in allow deny watch; do
	n=$(printf '%s' "$got" | grep -o "\"$list-[0-9]*\"" | wc -l)
	expect_eq "$list entries in the kernel" 64 "$n"
done
expect_match "last deny entry" "\"$(long_pattern deny- 64)\"" "$got"

kill -HUP "$DGD_PID"
wait_until 10 "the reload" grep -q 'SIGHUP: configuration loaded' "$C"/dgd.err
expect_eq "times the policy was set" 1 "$(grep -c "policy big set on" "$C"/dgd.err)"
dgd_stop
pass
