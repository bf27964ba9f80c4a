#!/bin/bash
# A binary copied into a running container is refused with EPERM under
# mode prevent, and the event says blocked / upper / exec with its path.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
drop "$BIN"/hello /tmp/dropped
events_start
expect_denied /tmp/dropped
events_stop
expect_eq "blocked upper exec events for /tmp/dropped" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/dropped"')"
pass
