#!/bin/bash
# With --files detect, `dpkg -i` of a one-file package succeeds; dpkg's
# database writes in /var/lib/dpkg are recorded as class "package" naming
# manager dpkg, the package's own file (unpacked as
# /usr/share/dgtest/hello.dpkg-new, in no manager's tree, then renamed) as
# "created".
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
image_add_dpkg
container_mount
policy --files detect
events_start
expect_runs env PATH=/usr/bin:/bin:/sbin /usr/bin/dpkg -i /tmp/dgtest.deb >/dev/null
events_stop
expect_eq "the package's file" hello "$(cat "$ROOT"/usr/share/dgtest/hello)"
[ "$(events_count '"action":"alerted","class":"package","hook":"[a-z-]*","manager":"dpkg".*"path":"/var/lib/dpkg/')" -gt 0 ] ||
	fail "no package event naming dpkg: $(cat "$C"/events.json)"
expect_eq "created events for the package's file" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/usr/share/dgtest/hello')"
expect_eq "package events not naming dpkg" 0 \
	"$(events_count '"class":"package","hook":"[a-z-]*","manager":"[^d]')"
pass
