#!/bin/bash
# The policy allows the name "agent" (an image program's name). A program
# dropped into the running container and saved as /tmp/agent does not
# inherit that entry: under mode = memfd = volume = mmap = prevent it is
# refused with EPERM and one blocked exec event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent --allow agent
drop "$BIN"/hello /tmp/agent
events_start
out=$(in_container /tmp/agent) || true
events_stop
expect_refused "a dropped program named agent" "$out"
expect_eq "blocked exec events" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/agent"')"
pass
