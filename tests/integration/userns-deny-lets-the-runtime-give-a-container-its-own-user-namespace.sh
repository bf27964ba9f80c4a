#!/bin/bash
# With userns = deny, runc still starts a container in a user namespace of
# its own (the runtime makes it from the host's mount namespace), and the
# container's entrypoint runs image programs; only a user namespace the
# container makes itself is refused.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent --userns deny
# The container's root is uid 100000 outside: let it reach its rootfs.
chmod 755 "$C"
mkdir "$ROOT"/dev "$ROOT"/sys
events_start
out=$(RUNC_USERNS=1 runc_run /bin/sh -c \
	'cat /proc/self/uid_map; /bin/hello; busybox unshare -U true; echo "nested unshare exited $?"') ||
	fail "the container in its own user namespace did not start: $out"
events_stop
expect_match "the entrypoint runs in a user namespace" '^ *0 +100000 +65536' "$out"
expect_match "an image program runs" 'hello from /bin/hello' "$out"
expect_match "a nested user namespace is refused" 'nested unshare exited [1-9]' "$out"
expect_eq "blocked userns events (the nested one only)" 1 \
	"$(events_count '"action":"blocked","class":"userns"')"
pass
