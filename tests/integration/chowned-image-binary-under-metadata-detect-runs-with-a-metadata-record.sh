#!/bin/bash
# Under metadata detect a chowned image binary runs and an "alerted" record
# of class metadata names it; under metadata prevent it is refused with a
# "blocked" one.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --metadata detect
in_container /bin/busybox chown 1:1 /bin/hello
events_start
expect_runs /bin/hello >/dev/null
policy --mode prevent --metadata prevent
expect_denied /bin/hello
events_stop
expect_eq "alerted metadata records" 1 \
	"$(events_count '"action":"alerted","class":"metadata","hook":"exec".*"path":"/bin/hello"')"
expect_eq "blocked metadata records" 1 \
	"$(events_count '"action":"blocked","class":"metadata","hook":"exec".*"path":"/bin/hello"')"
pass
