#!/bin/bash
# Under --files prevent, setting or removing an extended attribute of a
# file already in the upper layer outside the writable prefixes fails with
# EPERM: the attribute keeps its value, and each refusal is one blocked
# "modified" setxattr event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
in_container /bin/sh -c 'echo v1 >/data/f && /bin/xattr set /data/f trusted.dg v1' >/dev/null
policy --files prevent
events_start
expect_denied /bin/xattr set /data/f trusted.dg v2
expect_denied /bin/xattr remove /data/f trusted.dg
events_stop
expect_eq "trusted.dg of /data/f" "get: v1" "$("$BIN"/xattr get "$C"/upper/data/f trusted.dg)"
expect_eq "blocked setxattr events for /data/f" 2 \
	"$(events_count '"action":"blocked","class":"modified","hook":"setxattr".*"path":"/data/f"')"
expect_eq "events" 2 "$(events_count .)"
pass
