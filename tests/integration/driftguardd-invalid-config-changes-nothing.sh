#!/bin/bash
# A policy file with an error, written while driftguardd runs, changes
# nothing in the kernel: the running policies stay as they were, and
# driftguardd names the file and line of the error.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir "$CG"/ctr-1
dgd_config
dgd_policy containers "cgroup = dgtest-*/ctr-*" "mode = prevent" "deny = apt-get"

dgd_start
wait_until 5 "the policy of ctr-1" sh -c "'$DRIFTCTL' policy get '$CG'/ctr-1 | grep -q 'mode prevent'"
before=$("$DRIFTCTL" policy list 2>&1)
expect_match "policies before" 'ctr-1 .*mode prevent.*deny: +apt-get' "$(echo $before)"

# The bad line is line 3: a new section that lowers everything.
cat >"$C"/etc/policy.d/zz-bad.conf <<CONF
[policy loose]
cgroup = dgtest-*
mode = sometimes
CONF
wait_until 5 "driftguardd's message" grep -q 'zz-bad.conf:3:' "$C"/dgd.err
expect_match "driftguardd's message" "policy.d/zz-bad.conf:3: .*sometimes" "$(cat "$C"/dgd.err)"
kill -0 "$DGD_PID" || fail "driftguardd exited: $(cat "$C"/dgd.err)"
expect_eq "policies after the bad file" "$before" "$("$DRIFTCTL" policy list 2>&1)"
pass
