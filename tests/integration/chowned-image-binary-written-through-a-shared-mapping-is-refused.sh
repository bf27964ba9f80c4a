#!/bin/bash
# A chowned image binary (a full copy-up of an unchanged file) that is then
# written through a shared writable mapping, even with its own bytes, is
# refused under mode prevent: such a write makes no write call.
set -eu
. "$DG_SRC/tests/lib.sh"
chowned_image_binary_runs
/usr/bin/python3 - "$ROOT"/bin/hello <<'PY'
import mmap, sys
with open(sys.argv[1], 'r+b') as f:
    m = mmap.mmap(f.fileno(), 0, mmap.MAP_SHARED, mmap.PROT_READ | mmap.PROT_WRITE)
    m[0:1] = m[0:1]
    m.close()
PY
cmp "$C"/image/bin/hello "$ROOT"/bin/hello || fail "the bytes changed"
expect_denied /bin/hello
pass
