#!/bin/bash
# Under --files prevent, giving a file already in the upper layer a POSIX
# ACL (setfacl -m u:1:rwx; 6.1 sets it as an xattr, 6.2+ through
# set_acl) fails with EPERM: the file gets no ACL, and one blocked
# "modified" acl event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
in_container /bin/sh -c 'echo v1 >/data/f'
policy --files prevent
events_start
expect_denied /bin/xattr acl /data/f
events_stop
expect_eq "ACL of /data/f" "get: No data available" \
	"$("$BIN"/xattr get "$C"/upper/data/f system.posix_acl_access || true)"
expect_eq "blocked acl events for /data/f" 1 \
	"$(events_count '"action":"blocked","class":"modified","hook":"acl".*"path":"/data/f"')"
expect_eq "events" 1 "$(events_count .)"
pass
