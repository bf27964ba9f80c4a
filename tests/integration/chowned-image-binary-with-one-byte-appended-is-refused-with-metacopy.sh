#!/bin/bash
# On an overlay mounted with metacopy=on, a chowned image binary (metadata
# in the upper layer, data still the image's) runs under mode prevent until
# one byte is appended: the write copies the data up, and it is refused.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
OVL_OPTS=metacopy=on
chowned_image_binary_runs
in_container /bin/sh -c 'echo >>/bin/hello'
expect_denied /bin/hello
pass
