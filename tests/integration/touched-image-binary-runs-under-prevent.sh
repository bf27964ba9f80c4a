#!/bin/bash
# An image binary whose times an entrypoint changed (touch: a copy-up of
# metadata only, content and all without metacopy) still runs under mode
# prevent: it is class metadata, off by default.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox touch /bin/hello
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
