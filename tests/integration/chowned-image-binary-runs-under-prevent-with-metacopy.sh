#!/bin/bash
# On an overlay mounted with metacopy=on, where a change of metadata copies
# up no data, an image binary after chown still runs under mode prevent.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
