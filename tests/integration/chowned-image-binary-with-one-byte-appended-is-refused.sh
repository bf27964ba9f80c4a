#!/bin/bash
# A chowned image binary runs under mode prevent until one byte is appended
# to it: a write to its content makes it upper, and it is refused.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
in_container /bin/sh -c 'echo >>/bin/hello'
expect_denied /bin/hello
pass
