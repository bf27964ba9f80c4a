#!/bin/bash
# In a real runc container, a binary copied into the running container's
# rootfs is refused: the container's shell prints the error; one blocked
# upper event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
events_start
out=$(runc_run /bin/sh -c '/tmp/dropped; echo "exit=$?"') || true
expect_match "shell output" 'Permission denied|Operation not permitted' "$out"
expect_match "exit status" 'exit=12[67]' "$out"
events_stop
expect_eq "blocked events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/dropped"')"
pass
