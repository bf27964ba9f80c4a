#!/bin/bash
# A cgroup without a policy of its own inherits its parent's: a drifted
# binary in a child cgroup created after the policy is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
mkdir "$CG"/child
CG=$CG/child
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
pass
