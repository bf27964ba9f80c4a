#!/bin/bash
# An image binary whose mode an entrypoint changed without giving it a new
# execute bit (chmod 700 of a 755 file: a copy-up of metadata only) still
# runs under mode prevent: it is class metadata, off by default.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/chmod 700 /bin/hello
expect_runs /bin/hello | grep -q 'hello from /bin/hello' || fail "no output"
pass
