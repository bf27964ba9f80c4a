#!/bin/bash
# A file already in the container's upper layer (written while files was
# detect, as the runtime or an earlier policy may leave one) outside the
# writable prefixes: under --files prevent, opening it for appending fails
# with EPERM before the open succeeds, the file keeps its content, and one
# blocked "modified" open-write event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
upper_file_under_files_prevent
events_start
expect_denied /bin/sh -c 'echo junk >>/data/f'
events_stop
expect_eq "content of /data/f" v1 "$(cat "$C"/upper/data/f)"
expect_only_event "blocked open-write for /data/f" \
	'"action":"blocked","class":"modified","hook":"open-write".*"path":"/data/f"'
pass
