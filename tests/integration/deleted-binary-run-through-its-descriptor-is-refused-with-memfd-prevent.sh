#!/bin/bash
# A binary on a volume (volume class off), opened, deleted, and run through
# its descriptor with execveat() is fileless: refused with --memfd
# prevent, one blocked exec event of class memfd.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
volume_create
policy --memfd prevent
cp "$BIN"/hello "$C"/data-volume/tool
events_start
expect_denied /bin/fd-exec deleted /data/tool
events_stop
expect_eq "blocked memfd exec events" 1 \
	"$(events_count '"action":"blocked","class":"memfd","hook":"exec"')"
pass
