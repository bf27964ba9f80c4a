#!/bin/bash
# With --files detect, appending to an image file (/bin/hello) gives one
# "modified" event and creating /tmp/x a "created" event. (/etc is a config
# prefix: editing-etc-passwd-is-recorded-as-config.sh.)
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
in_container /bin/sh -c 'echo junk >>/bin/hello'
in_container /bin/sh -c 'echo data >/tmp/x'
events_stop
expect_eq "modified events for /bin/hello" 1 \
	"$(events_count '"class":"modified","hook":"copy-up".*"path":"/bin/hello"')"
expect_eq "created events for /tmp/x" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/tmp/x"')"
pass
