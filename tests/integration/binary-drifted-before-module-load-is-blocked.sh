#!/bin/bash
# A binary dropped into the container while the module was not loaded is
# still blocked once it is: nothing depends on having watched the write.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
rmmod driftguard
drop "$BIN"/hello /tmp/dropped
insmod "$DG_KO"
policy --mode prevent
expect_denied /tmp/dropped
pass
