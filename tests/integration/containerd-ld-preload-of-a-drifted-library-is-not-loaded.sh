#!/bin/bash
# The scenario ld-preload-of-a-drifted-library-is-not-loaded of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd ld-preload-of-a-drifted-library-is-not-loaded
