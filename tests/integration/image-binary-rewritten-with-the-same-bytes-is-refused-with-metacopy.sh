#!/bin/bash
# On an overlay mounted with metacopy=on, a chmoded image binary that runs
# under mode prevent is refused once rewritten with its own bytes: the
# write copies the data up and is drift although the content is equal.
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
container_create
policy --mode prevent
in_container /bin/chmod 700 /bin/hello
expect_runs /bin/hello >/dev/null
in_container /bin/sh -c 'cp /bin/hello /tmp/hello.tmp && cat /tmp/hello.tmp >/bin/hello'
cmp "$C"/image/bin/hello "$ROOT"/bin/hello || fail "the bytes changed"
expect_denied /bin/hello
pass
