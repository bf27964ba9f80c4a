#!/bin/bash
# A chowned image binary that runs under mode prevent is refused after
# truncate(2) by path to the size it already has: no open for writing, no
# byte changed, and still a write to its content.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
size=$(stat -c %s "$ROOT"/bin/hello)
python3 -c 'import os, sys; os.truncate(sys.argv[1], int(sys.argv[2]))' "$ROOT"/bin/hello "$size"
expect_denied /bin/hello
pass
