#!/bin/bash
# A binary copied into an unnamed O_TMPFILE (on a tmpfs volume, with the
# volume class off) and run with execveat() is fileless: refused with
# --memfd prevent, one blocked exec event of class memfd.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
volume_create
policy --memfd prevent
events_start
expect_denied /bin/fd-exec tmpfile /data /bin/hello
events_stop
expect_eq "blocked memfd exec events" 1 \
	"$(events_count '"action":"blocked","class":"memfd","hook":"exec"')"
pass
