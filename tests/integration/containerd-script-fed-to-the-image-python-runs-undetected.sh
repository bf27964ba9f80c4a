#!/bin/bash
# The scenario script-fed-to-the-image-python-runs-undetected of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd script-fed-to-the-image-python-runs-undetected
