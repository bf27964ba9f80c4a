#!/bin/bash
# Under --files prevent, a file already in the upper layer outside the
# writable prefixes is still read, and one under a writable prefix (/tmp)
# is still appended to and truncated: nothing is refused, and no open is
# recorded (the creation of /tmp/u is, as every creation is).
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
in_container /bin/sh -c 'echo v1 >/data/f && echo t1 >/tmp/t'
policy --files prevent
events_start
expect_eq "read of /data/f" v1 "$(expect_runs /bin/cat /data/f)"
expect_runs /bin/sh -c 'echo t2 >>/tmp/t && : >/tmp/u && echo t3 >/tmp/t' >/dev/null
events_stop
expect_eq "content of /tmp/t" t3 "$(cat "$C"/upper/tmp/t)"
expect_eq "blocked events" 0 "$(events_count '"action":"blocked"')"
expect_eq "open-write events" 0 "$(events_count '"hook":"open-write"')"
pass
