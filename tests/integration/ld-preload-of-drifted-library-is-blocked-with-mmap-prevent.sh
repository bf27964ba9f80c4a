#!/bin/bash
# LD_PRELOAD of a library dropped into the container is not mapped with
# --mmap prevent: its constructor never runs, the image binary still does.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap prevent
drop "$BIN"/libpreload.so /tmp/libdrift.so
out=$(in_container /bin/env LD_PRELOAD=/tmp/libdrift.so /bin/hello-dyn 2>&1 || true)
printf '%s' "$out" | grep -q drift-library-loaded && fail "drifted library was loaded: $out"
expect_match "image binary output" 'hello from /bin/hello-dyn' "$out"
pass
