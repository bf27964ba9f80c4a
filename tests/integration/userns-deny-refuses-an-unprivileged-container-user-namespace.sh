#!/bin/bash
# With userns = deny, an unprivileged container user (uid 65534, no
# capabilities) cannot make a user namespace (unshare -U): it gets EPERM,
# and one blocked userns event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --userns deny
events_start
out=$(RUNC_USER=65534 RUNC_CAPS="" runc_run /bin/sh -c \
	'busybox unshare -U /bin/sh -c "echo in-a-user-namespace"; echo "unshare exited $?"') || true
events_stop
case $out in *in-a-user-namespace*) fail "the user namespace was made: $out" ;; esac
expect_match "unshare refused with EPERM" 'Operation not permitted' "$out"
expect_eq "blocked userns events" 1 \
	"$(events_count '"action":"blocked","class":"userns","hook":"userns".*"comm":"(busybox|unshare)"')"
pass
