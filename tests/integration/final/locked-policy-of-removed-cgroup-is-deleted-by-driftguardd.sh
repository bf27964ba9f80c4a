#!/bin/bash
# Under the lock, the policy of a cgroup that was removed is deleted: when
# driftguardd sees the cgroup go, the kernel lets it delete the policy (a
# removed cgroup can loosen nothing), so locked policies do not pile up.
# (Runs last: the lock holds until reboot.)
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy gone "cgroup = $(cg_rel)/gone" "mode = prevent"
dgd_start
mkdir "$CG"/gone
id=$(stat -c %i "$CG"/gone)
wait_until 10 "the policy of the new cgroup ($(cat "$C"/dgd.err))" \
	grep -q "policy gone set on $(cg_rel)/gone" "$C"/dgd.err
"$DRIFTCTL" lock

rmdir "$CG"/gone
wait_until 10 "the policy's deletion ($(cat "$C"/dgd.err))" \
	grep -q "policy deleted from cgroup id $id" "$C"/dgd.err
"$DRIFTCTL" policy list --json | grep -q "\"cgroup_id\":$id," &&
	fail "the removed cgroup's policy is still listed"
dgd_stop
pass
