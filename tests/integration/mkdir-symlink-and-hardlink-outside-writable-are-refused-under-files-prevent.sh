#!/bin/bash
# With --files prevent, mkdir and symlink outside the writable prefixes
# fail with EPERM, and so does a hard link in /tmp to an image file
# outside them (it would be a writable name of that file).
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/mkdir /etc/new.d
expect_denied /bin/ln -s /bin/hello /bin/link
expect_denied /bin/ln /bin/hello /tmp/hello
events_stop
for f in /etc/new.d /bin/link /tmp/hello; do
	[ ! -e "$ROOT$f" ] && [ ! -L "$ROOT$f" ] || fail "$f was made"
done
expect_eq "blocked mkdir events" 1 "$(events_count '"action":"blocked","class":"config","hook":"mkdir".*"path":"/etc/new.d"')"
expect_eq "blocked symlink events" 1 "$(events_count '"action":"blocked","class":"created","hook":"symlink".*"path":"/bin/link"')"
expect_eq "blocked link events" 1 "$(events_count '"action":"blocked","class":"created","hook":"link".*"path":"/bin/hello"')"
pass
