#!/bin/bash
# A policy on one cgroup does not touch a sibling cgroup or the host.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
mkdir "$CG"/a "$CG"/b
"$DRIFTCTL" policy set "$CG"/a --mode prevent
drop "$BIN"/hello /tmp/dropped
CG0=$CG
CG=$CG0/a expect_denied /tmp/dropped
CG=$CG0/b expect_runs /tmp/dropped >/dev/null
chroot "$ROOT" /tmp/dropped >/dev/null || fail "host process was affected"
pass
