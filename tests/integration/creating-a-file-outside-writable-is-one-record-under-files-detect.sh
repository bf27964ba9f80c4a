#!/bin/bash
# With --files detect, a shell's `echo data >/bin/new` (open with O_CREAT
# of a name outside writable) is one "created" record: the open that made
# the file is not recorded again as an open for writing of an upper file.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
in_container /bin/sh -c 'echo data >/bin/new'
events_stop
expect_eq "created records of /bin/new" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/bin/new"')"
expect_eq "records of /bin/new" 1 "$(events_count '"path":"/bin/new"')"
pass
