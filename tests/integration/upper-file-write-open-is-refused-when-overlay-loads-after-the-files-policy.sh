#!/bin/bash
# A files = prevent policy set while overlay.ko is not loaded is accepted
# (overlayfs' open cannot be hooked yet: the kernel log says what is lost),
# and once overlay.ko is loaded (here by the container's rootfs mount) an
# open for appending of a file already in the upper layer is refused:
# the module hooks ovl_open as overlay.ko comes.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
# Once overlay.ko has gone the module trusts no full copy of an image file
# until it is reloaded (unchanged.c): reload it at the end, so the tests
# after this one start afresh.
at_exit ensure_module_loaded
at_exit rmmod driftguard
rmmod overlay 2>/dev/null || true
! lsmod | grep -q '^overlay ' || fail "overlay.ko is in use: cannot show a policy before it loads"
pre=/sys/fs/cgroup/dgtest-pre-$$
mkdir "$pre"
at_exit rmdir "$pre"
"$DRIFTCTL" policy set "$pre" --files prevent || fail "policy set without overlay.ko"
upper_file_under_files_prevent
expect_denied /bin/sh -c 'echo junk >>/data/f'
expect_eq "content of /data/f" v1 "$(cat "$C"/upper/data/f)"
pass
