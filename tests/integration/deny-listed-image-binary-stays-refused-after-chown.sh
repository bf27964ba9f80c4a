#!/bin/bash
# A deny-listed image binary is refused after an entrypoint chowned it, as
# before: the metadata class (off) does not lift a deny entry.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --deny apt-get
in_container /bin/busybox chown 1:1 /usr/bin/apt-get /bin/hello
expect_runs /bin/hello >/dev/null
expect_denied /usr/bin/apt-get
pass
