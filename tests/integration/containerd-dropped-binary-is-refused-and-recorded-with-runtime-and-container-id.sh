#!/bin/bash
# The scenario dropped-binary-is-refused-and-recorded-with-runtime-and-container-id of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd dropped-binary-is-refused-and-recorded-with-runtime-and-container-id
