#!/bin/bash
# "--watch sh" lets /bin/sh (a symlink to busybox) run, and reports it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --watch sh
events_start
expect_runs /bin/sh -c true >/dev/null
events_stop
[ "$(events_count '"action":"alerted","class":"watched"')" -ge 1 ] ||
	fail "no watched event: $(cat "$C"/events.json)"
pass
