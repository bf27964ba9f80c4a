#!/bin/bash
# The scenario driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag
