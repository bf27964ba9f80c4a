#!/bin/bash
# With "files = detect" and the default files_exclude, a file created under
# /tmp is not logged while a change to /etc/passwd is; a files_exclude of
# /etc drops that one too.
# dg-tier: one-kernel
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
dgd_config
dgd_policy files "cgroup = $(cg_rel)" "files = detect"
dgd_start
in_container /bin/sh -c 'echo data >/tmp/x; echo "x:x:1:1::/:/bin/sh" >>/etc/passwd'
wait_until 10 "the /etc/passwd record" grep -q '"path":"/etc/passwd"' "$C"/events.jsonl
expect_eq "records for /tmp/x (excluded by default)" 0 "$(records '"path":"/tmp/x"')"

dgd_policy files "cgroup = $(cg_rel)" "files = detect" "files_exclude = /etc"
wait_until 5 "the reload" grep -q 'configuration changed: configuration loaded' "$C"/dgd.err
in_container /bin/sh -c 'echo data >/tmp/y; echo data >/etc/new'
in_container /bin/sh -c 'echo data >/data/z'
wait_until 10 "the /data/z record" grep -q '"path":"/data/z"' "$C"/events.jsonl
expect_eq "records for /etc/new (excluded now)" 0 "$(records '"path":"/etc/new"')"
expect_eq "records for /tmp/y (no longer excluded)" 1 "$(records '"path":"/tmp/y"')"
dgd_stop
pass
