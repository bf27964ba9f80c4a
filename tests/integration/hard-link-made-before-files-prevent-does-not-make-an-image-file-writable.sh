#!/bin/bash
# A hard link made before the policy (ln /etc/passwd /tmp/x: overlayfs
# copies /etc/passwd up and links the upper file) does not make the image
# file writable under --files prevent: appending through the writable name
# /tmp/x fails with EPERM at the open, /etc/passwd keeps its content, and
# the refusal is one blocked open-write record for /tmp/x.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
in_container /bin/ln /etc/passwd /tmp/x
policy --files prevent
events_start
expect_denied /bin/sh -c 'echo "x:x:0:0::/:/bin/sh" >>/tmp/x'
events_stop
expect_eq "/etc/passwd" 'root:x:0:0:root:/root:/bin/sh' "$(cat "$ROOT"/etc/passwd)"
expect_only_event "blocked open-write for /tmp/x" \
	'"action":"blocked","class":"modified","hook":"open-write".*"path":"/tmp/x"'
pass
