#!/bin/bash
# A blocked exec in a container is recorded with the process that tried it:
# its exe, cmdline and cwd as the container sees them, its parent's pid and
# exe, and its user named from the container's own /etc/passwd (a uid the
# host does not know), beside the node's name, an RFC 3339 time with
# nanoseconds and a record uuid. `driftctl events --json` carries the same
# container and process fields as the log.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create

getent passwd 4242 >/dev/null && fail "the host names uid 4242: the test needs a uid only the container knows"
echo 'drifter:x:4242:4242::/data:/bin/sh' >>"$ROOT"/etc/passwd
# A cgroup shaped like a Docker container's, below the policed one.
id=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
mkdir "$CG"/docker-$id.scope

dgd_config
dgd_policy fields "cgroup = $(cg_rel)" "mode = prevent"
dgd_start
events_start

drop "$BIN"/hello /tmp/dropped
# The caller stays alive after its exec is refused, until $C/hold closes.
mkfifo "$C"/hold
sh -c 'echo $$ >"$1/cgroup.procs" && shift && exec unshare -m chroot "$@"' \
	sh "$CG"/docker-$id.scope "$ROOT" \
	sh -c 'cd /data && exec /bin/exec-or-wait --uid 4242 /tmp/dropped --flag value' \
	<"$C"/hold >"$C"/tried.out 2>&1 &
caller=$!
exec 3>"$C"/hold
wait_until 10 "the refused exec" grep -q '^exec-or-wait: pid' "$C"/tried.out
expect_match "the exec is refused" 'Operation not permitted' "$(cat "$C"/tried.out)"
read -r pid ppid < <(sed -n 's/^exec-or-wait: pid \([0-9]*\) ppid \([0-9]*\):.*/\1 \2/p' "$C"/tried.out)
parent_exe=$(readlink /proc/"$ppid"/exe)

wait_until 10 "the JSON record" grep -q '"path":"/tmp/dropped"' "$C"/events.jsonl
events_stop
exec 3>&-
wait "$caller" || true

# field SOURCE KEY: the value of KEY in the record of /tmp/dropped in SOURCE.
field() {
	python3 - "$1" "$2" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if '"/tmp/dropped"' in l]
recs = [r for r in recs if r.get("path") == "/tmp/dropped"]
print(recs[0].get(sys.argv[2], "<missing>") if recs else "<no record>")
PY
}
log=$C/events.jsonl
expect_eq "pid" "$pid" "$(field "$log" pid)"
expect_eq "exe: the program that tried, as the container sees it" /bin/exec-or-wait "$(field "$log" exe)"
expect_eq "cmdline" "/bin/exec-or-wait --uid 4242 /tmp/dropped --flag value" "$(field "$log" cmdline)"
expect_eq "cwd" /data "$(field "$log" cwd)"
expect_eq "ppid" "$ppid" "$(field "$log" ppid)"
expect_eq "parent_exe" "$parent_exe" "$(field "$log" parent_exe)"
expect_eq "uid" 4242 "$(field "$log" uid)"
expect_eq "user: from the container's /etc/passwd" drifter "$(field "$log" user)"
expect_eq "node" "$(uname -n)" "$(field "$log" node)"
expect_match "time: RFC 3339, UTC, nanoseconds" \
	'^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9}Z$' "$(field "$log" time)"
expect_match "time_ns" '^[0-9]{19}$' "$(field "$log" time_ns)"
expect_eq "time and time_ns are the same instant" "$(field "$log" time)" \
	"$(date -u -d @"$(field "$log" time_ns | sed 's/\(.........\)$/.\1/')" +%Y-%m-%dT%H:%M:%S.%NZ)"
expect_match "uuid" '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "$(field "$log" uuid)"
expect_eq "runtime" docker "$(field "$log" runtime)"
expect_eq "container_id" "$id" "$(field "$log" container_id)"

ev=$C/events.json
for k in runtime container_id exe cmdline cwd ppid parent_exe user node time; do
	expect_eq "driftctl events --json $k as in the log" "$(field "$log" $k)" "$(field "$ev" $k)"
done
dgd_stop
pass
