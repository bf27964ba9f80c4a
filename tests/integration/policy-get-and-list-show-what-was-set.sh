#!/bin/bash
# "policy get" and "policy list" show exactly the policy that was set.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
net=(--listen prevent --listen-allow tcp:80 --listen-allow udp:53
	--connect detect --connect-allow 10.0.0.0/8 --connect-allow '[fd00::/8]:443'
	--loopback no)
policy --mode prevent --memfd detect --mmap prevent --files detect \
	--allow /opt/tool --deny apt-get --deny curl --watch sh "${net[@]}"
want="{\"cgroup\":\"$CG\",\"cgroup_id\":$(stat -c %i "$CG"),\"mode\":\"prevent\",\"memfd\":\"detect\",\"volume\":\"off\",\"metadata\":\"off\",\"mmap\":\"prevent\",\"files\":\"detect\",\"userns\":\"off\",\"execmem\":\"off\",\"procmem\":\"off\",\"listen\":\"prevent\",\"connect\":\"detect\",\"allow\":[\"/opt/tool\"],\"deny\":[\"apt-get\",\"curl\"],\"watch\":[\"sh\"],\"listen_allow\":[\"tcp:80\",\"udp:53\"],\"connect_allow\":[\"10.0.0.0/8\",\"[fd00::/8]:443\"],\"loopback\":\"no\",\"writable\":[\"/tmp\",\"/var/tmp\",\"/run\",\"/var/cache\",\"/var/log\"],\"config\":[\"/etc\"]}"
expect_eq "policy get --json" "$want" "$("$DRIFTCTL" policy get "$CG" --json)"
# policy list --json is one array; this policy is one of its elements.
"$DRIFTCTL" policy list --json | jq -e --argjson want "$want" 'type == "array" and any(.[]; . == $want)' >/dev/null ||
	fail "policy list --json lacks the policy: $("$DRIFTCTL" policy list --json)"
expect_eq "policy set --json (the policy in force)" "$want" \
	"$("$DRIFTCTL" policy set "$CG" --mode prevent --memfd detect --mmap prevent --files detect \
		--allow /opt/tool --deny apt-get --deny curl --watch sh "${net[@]}" --json)"
expect_eq "relative cgroup path" "$want" "$("$DRIFTCTL" policy get "${CG#/sys/fs/cgroup/}" --json)"
pass
