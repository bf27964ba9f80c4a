#!/bin/bash
# "--watch curl" reports a host program bind-mounted into the container at
# /usr/bin/curl when it is run through a symlink of another name: neither
# the name asked for (fetch) nor the file's own name (hello) is the entry,
# the path it is reached by (its mountpoint) is.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
touch "$ROOT"/usr/bin/curl
mount --bind "$BIN"/hello "$ROOT"/usr/bin/curl
ln -s /usr/bin/curl "$ROOT"/usr/bin/fetch
policy --watch curl
events_start
expect_runs /usr/bin/fetch >/dev/null
events_stop
expect_eq "watched events" 1 "$(events_count '"action":"alerted","class":"watched"')"
pass
