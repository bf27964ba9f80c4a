#!/bin/bash
# The scenario container-started-by-image-digest-gets-no-image-record-under-require-digest of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd container-started-by-image-digest-gets-no-image-record-under-require-digest
