#!/bin/bash
# "--deny apt-get" blocks the image's /usr/bin/apt-get (a name matches
# any directory), through a new symlink too, with a prohibited event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --deny apt-get
events_start
expect_denied /usr/bin/apt-get
ln -s /usr/bin/apt-get "$ROOT"/tmp/innocent
expect_denied /tmp/innocent
events_stop
expect_eq "prohibited events" 2 "$(events_count '"action":"blocked","class":"prohibited"')"
expect_runs /bin/hello >/dev/null
pass
