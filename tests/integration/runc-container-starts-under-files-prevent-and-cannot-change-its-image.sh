#!/bin/bash
# With --files prevent inherited, a runc container still starts (what runc
# sets up in the rootfs before the entrypoint runs is not judged), writes
# under /tmp, and cannot write /etc/motd (EPERM).
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
# runc copies a container's stdout and stderr on pipes of their own, each
# on its own schedule: the entrypoint sends both down stdout, in order.
require_runc
container_create
policy --files prevent
out=$(runc_run /bin/sh -c 'exec 2>&1; echo started; echo x >/etc/motd; echo "etc=$?";
	echo y >/tmp/y && echo tmp=ok') || fail "container failed: $out"
expect_match "container started" '^started' "$out"
expect_match "write to /etc/motd" 'motd: Operation not permitted' "$out"
expect_match "exit status of the write" 'etc=[1-9]' "$out"
expect_match "write to /tmp" 'tmp=ok' "$out"
[ ! -e "$C"/upper/etc/motd ] || fail "/etc/motd reached the upper layer"
pass
