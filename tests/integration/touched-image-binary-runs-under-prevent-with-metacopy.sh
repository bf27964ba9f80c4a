#!/bin/bash
# On an overlay mounted with metacopy=on, where a change of metadata copies
# up no data, an image binary after touch still runs under mode prevent.
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
container_create
policy --mode prevent
in_container /bin/busybox touch /bin/hello
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
