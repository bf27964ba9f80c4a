#!/bin/bash
# A policy of the documented maximum size, three lists of 64 entries of 255
# bytes, the two network lists full of their longest entries and two
# prefix lists (writable, config) full, is set by driftctl and shown whole
# by "policy get" and "policy list" (two such policies: the dump carries
# both).
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir "$CG"/child

args=() allow=() deny=() watch=() listen=() connect=() writable=() config=()
for i in $(seq 64); do
	listen+=("sctp:1$(printf %04d "$i")-65535")
	connect+=("sctp:[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128]:1$(printf %04d "$i")-65535")
	args+=(--listen-allow "${listen[-1]}" --connect-allow "${connect[-1]}")
	allow+=("$(long_pattern allow- "$i")")
	deny+=("$(long_pattern deny- "$i")")
	watch+=("$(long_pattern watch- "$i")")
	args+=(--allow "${allow[-1]}" --deny "${deny[-1]}" --watch "${watch[-1]}")
done
for i in $(seq 8); do
	writable+=("$(long_pattern /writable- "$i")")
	config+=("$(long_pattern /config- "$i")")
	args+=(--writable "${writable[-1]}" --config "${config[-1]}")
done
"$DRIFTCTL" policy set "$CG" --mode prevent "${args[@]}" ||
	fail "policy set of the largest policy exited $?"
"$DRIFTCTL" policy set "$CG"/child --mode detect "${args[@]}" ||
	fail "policy set of the child's largest policy exited $?"

# json_list STRING...: a JSON array of the strings (none needs escaping).
json_list() {
	printf '[%s]' "$(printf '"%s",' "$@" | sed 's/,$//')"
}
lists="\"allow\":$(json_list "${allow[@]}"),\"deny\":$(json_list "${deny[@]}"),\"watch\":$(json_list "${watch[@]}"),\"listen_allow\":$(json_list "${listen[@]}"),\"connect_allow\":$(json_list "${connect[@]}"),\"loopback\":\"yes\",\"writable\":$(json_list "${writable[@]}"),\"config\":$(json_list "${config[@]}")"
want="{\"cgroup\":\"$CG\",\"cgroup_id\":$(stat -c %i "$CG"),\"mode\":\"prevent\",\"memfd\":\"off\",\"volume\":\"off\",\"metadata\":\"off\",\"mmap\":\"off\",\"files\":\"off\",\"userns\":\"off\",\"execmem\":\"off\",\"procmem\":\"off\",\"listen\":\"off\",\"connect\":\"off\",$lists}"
want_child="{\"cgroup\":\"$CG/child\",\"cgroup_id\":$(stat -c %i "$CG"/child),\"mode\":\"detect\",\"memfd\":\"off\",\"volume\":\"off\",\"metadata\":\"off\",\"mmap\":\"off\",\"files\":\"off\",\"userns\":\"off\",\"execmem\":\"off\",\"procmem\":\"off\",\"listen\":\"off\",\"connect\":\"off\",$lists}"

expect_eq "policy get --json" "$want" "$("$DRIFTCTL" policy get "$CG" --json)"
list=$("$DRIFTCTL" policy list --json) || fail "policy list exited $?"
# listed WANT: the array "policy list --json" printed holds WANT's object.
listed() {
	python3 -c 'import json, sys
sys.exit(json.loads(sys.argv[2]) not in json.loads(sys.argv[1]))' "$list" "$1"
}
listed "$want" || fail "policy list lacks the policy"
listed "$want_child" || fail "policy list lacks the child's policy"
"$DRIFTCTL" policy del "$CG"/child
pass
