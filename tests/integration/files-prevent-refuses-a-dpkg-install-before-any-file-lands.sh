#!/bin/bash
# With --files prevent, `dpkg -i` of a one-file package fails at dpkg's
# first write, its frontend lock in /var/lib/dpkg (an image file opened
# for writing: refused with EPERM, dpkg says it may not lock its
# database): the package's file never lands, and every refusal recorded
# is dpkg's lock, blocked, of class "package" naming manager dpkg.
# (Under --files detect the same install succeeds:
# files-detect-records-a-dpkg-install-as-package-drift.sh.)
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
image_add_dpkg
container_mount
policy --files prevent
events_start
out=$(in_container env PATH=/usr/bin:/bin:/sbin /usr/bin/dpkg -i /tmp/dgtest.deb) &&
	fail "dpkg -i ran: $out"
expect_match "dpkg's error" 'permission to lock the dpkg database' "$out"
events_stop
[ ! -e "$ROOT"/usr/share/dgtest/hello ] ||
	fail "the package's file landed: $ROOT/usr/share/dgtest/hello"
lock='"action":"blocked","class":"package","hook":"[a-z-]*","manager":"dpkg".*"path":"/var/lib/dpkg/lock-frontend"'
[ "$(events_count "$lock")" -gt 0 ] ||
	fail "no blocked package event naming dpkg for its lock: $(cat "$C"/events.json)"
expect_eq "events for anything but dpkg's lock" 0 "$(grep -Evc -- "$lock" "$C"/events.json)"
pass
