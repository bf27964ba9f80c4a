#!/bin/bash
# With --files off, modifying and creating files produces no event.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files off --mode detect
events_start
in_container /bin/sh -c 'echo "x:x:1:1::/:/bin/sh" >>/etc/passwd; echo data >/tmp/x'
events_stop
expect_eq "file events" 0 "$(events_count '"class":"(modified|created|config|deleted)"')"
pass
