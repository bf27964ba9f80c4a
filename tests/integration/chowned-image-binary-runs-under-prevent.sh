#!/bin/bash
# An image binary whose owner an entrypoint changed (chown: a copy-up of
# metadata only, content and all without metacopy) still runs under mode
# prevent: it is class metadata, off by default.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
