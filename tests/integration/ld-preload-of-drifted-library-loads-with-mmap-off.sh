#!/bin/bash
# With --mmap off an LD_PRELOAD of a dropped library loads.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --mmap off
drop "$BIN"/libpreload.so /tmp/libdrift.so
expect_runs /bin/env LD_PRELOAD=/tmp/libdrift.so /bin/hello-dyn | grep -q drift-library-loaded ||
	fail "library did not load"
pass
