#!/bin/bash
# Under --files prevent, giving a file already in the upper layer a POSIX
# ACL (setfacl -m u:1:rwx; 6.1 sets it as an xattr, 6.2+ through
# set_acl) fails with EPERM: the file gets no ACL, and one blocked
# "modified" acl event names it.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
upper_file_under_files_prevent
events_start
expect_denied /bin/xattr acl /data/f
events_stop
expect_eq "ACL of /data/f" "get: No data available" \
	"$("$BIN"/xattr get "$C"/upper/data/f system.posix_acl_access || true)"
expect_only_event "blocked acl for /data/f" \
	'"action":"blocked","class":"modified","hook":"acl".*"path":"/data/f"'
pass
