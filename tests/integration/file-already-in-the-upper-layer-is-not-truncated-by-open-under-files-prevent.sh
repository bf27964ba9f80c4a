#!/bin/bash
# Under --files prevent, ": >" of a file already in the upper layer
# (open with O_TRUNC) fails with EPERM at the open, before the truncation:
# the file keeps its content and the refusal is one blocked open-write
# event, not also a setattr for the truncate.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
upper_file_under_files_prevent
events_start
expect_denied /bin/sh -c ': >/data/f'
events_stop
expect_eq "content of /data/f" v1 "$(cat "$C"/upper/data/f)"
expect_only_event "blocked open-write for /data/f" \
	'"action":"blocked","class":"modified","hook":"open-write".*"path":"/data/f"'
pass
