#!/bin/bash
# With --files prevent, opening dpkg's existing frontend lock for writing
# with O_CREAT (what dpkg does first: O_RDWR|O_CREAT|O_TRUNC; here a
# shell's `: >`, O_WRONLY|O_CREAT|O_TRUNC) is refused with EPERM and
# recorded once: one blocked event of class "package" naming dpkg, the
# copy-up of the image's file, and no second "create" record for the same
# refusal.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
mkdir -p "$C"/image/var/lib/dpkg
: >"$C"/image/var/lib/dpkg/lock-frontend
container_mount
policy --files prevent
events_start
out=$(in_container /bin/sh -c ': >/var/lib/dpkg/lock-frontend' 2>&1) &&
	fail "the open for writing succeeded: $out"
expect_match "the shell's error" 'Operation not permitted' "$out"
events_stop
expect_eq "blocked copy-up events naming dpkg for its lock" 1 \
	"$(events_count '"action":"blocked","class":"package","hook":"copy-up","manager":"dpkg".*"path":"/var/lib/dpkg/lock-frontend"')"
expect_eq "events in all" 1 "$(wc -l <"$C"/events.json)"
pass
