#!/bin/bash
# Under --files prevent, an ACL change of an image file still in the
# lower layer is refused before overlayfs copies it up for it: the upper
# layer has no copy, and the refusal is one blocked "modified" acl event,
# not also a copy-up.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files prevent
events_start
expect_denied /bin/xattr acl /bin/hello
events_stop
[ ! -e "$C"/upper/bin/hello ] || fail "/bin/hello was copied up"
expect_only_event "blocked acl for /bin/hello" \
	'"action":"blocked","class":"modified","hook":"acl".*"path":"/bin/hello"'
pass
