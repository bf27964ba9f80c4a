#!/bin/bash
# A files = prevent policy set while overlay.ko is not loaded is accepted
# (overlayfs' open cannot be hooked yet: the kernel log says what is lost),
# and once overlay.ko is loaded (here by the container's rootfs mount) an
# open for appending of a file already in the upper layer is refused:
# the module hooks ovl_open as overlay.ko comes.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
files_policy_before_overlay
upper_file_under_files_prevent
expect_denied /bin/sh -c 'echo junk >>/data/f'
expect_eq "content of /data/f" v1 "$(cat "$C"/upper/data/f)"
pass
