#!/bin/bash
# While the module is loaded, a generic netlink client we did not write
# (libnl-utils' genl-ctrl-list) sees the "driftguard" family and its
# "events" multicast group.
set -eu
. "$DG_SRC/tests/lib.sh"

out=$(genl-ctrl-list -d)
expect_match "genl-ctrl-list family" '^0x[0-9a-f]+ driftguard version 1' "$out"
expect_match "genl-ctrl-list events group" 'events' \
	"$(printf '%s\n' "$out" | sed -n '/driftguard/,/^0x/p')"
pass
