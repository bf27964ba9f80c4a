#!/bin/bash
# With --files detect, a file an application writes into a directory of
# its own that happens to be named "gems" (/srv/app/gems, no Ruby ABI
# version below it, so no GEM_HOME) is file drift, class "created", not
# package drift naming gem.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
mkdir -p "$C"/image/srv/app/gems
container_mount
policy --files detect
events_start
expect_runs /bin/sh -c "echo note >/srv/app/gems/notes.txt"
events_stop
expect_eq "created events for the app's file" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/srv/app/gems/notes.txt"')"
expect_eq "package events" 0 "$(events_count '"class":"package"')"
pass
