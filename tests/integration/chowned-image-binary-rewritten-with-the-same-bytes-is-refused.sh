#!/bin/bash
# A chowned image binary that runs under mode prevent is refused once it
# was rewritten with its own bytes (cp bin bin.tmp && cat bin.tmp > bin):
# a write is drift even when it leaves the content equal.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
in_container /bin/sh -c 'cp /bin/hello /bin/hello.tmp && cat /bin/hello.tmp >/bin/hello'
cmp "$C"/image/bin/hello "$ROOT"/bin/hello || fail "the bytes changed"
expect_denied /bin/hello
pass
