#!/bin/bash
# With --files detect, a module written into the image's site-packages
# directory (what `pip install` does) is recorded as class "package"
# naming manager pip, not as "created".
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
SITE=/usr/local/lib/python3.11/site-packages
container_create
container_umount
mkdir -p "$C"/image$SITE
container_mount
policy --files detect
events_start
expect_runs /bin/sh -c "mkdir $SITE/dgtest && echo 'x = 1' >$SITE/dgtest/__init__.py"
events_stop
expect_eq "package events naming pip" 1 \
	"$(events_count '"action":"alerted","class":"package","hook":"create","manager":"pip".*"path":"'$SITE'/dgtest/__init__.py"')"
expect_eq "created events" 0 "$(events_count '"class":"created"')"
pass
