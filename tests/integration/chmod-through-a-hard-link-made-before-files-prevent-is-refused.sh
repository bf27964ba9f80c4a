#!/bin/bash
# A hard link made before the policy (ln /etc/passwd /tmp/x) does not let a
# chmod through the writable name /tmp/x change the image file under
# --files prevent: EPERM, /etc/passwd keeps its mode, and the refusal is one
# blocked setattr record for /tmp/x.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
in_container /bin/ln /etc/passwd /tmp/x
mode=$(stat -c %a "$ROOT"/etc/passwd)
policy --files prevent
events_start
expect_denied /bin/chmod 777 /tmp/x
events_stop
expect_eq "mode of /etc/passwd" "$mode" "$(stat -c %a "$ROOT"/etc/passwd)"
expect_only_event "blocked setattr for /tmp/x" \
	'"action":"blocked","class":"modified","hook":"setattr".*"path":"/tmp/x"'
pass
