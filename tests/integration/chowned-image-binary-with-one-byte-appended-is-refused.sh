#!/bin/bash
# A chowned image binary runs under mode prevent until one byte is appended
# to it: a write to its content makes it upper, and it is refused.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
in_container /bin/busybox chown 1:1 /bin/hello
expect_runs /bin/hello >/dev/null
in_container /bin/sh -c 'echo >>/bin/hello'
expect_denied /bin/hello
pass
