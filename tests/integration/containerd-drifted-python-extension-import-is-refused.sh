#!/bin/bash
# The scenario drifted-python-extension-import-is-refused of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd drifted-python-extension-import-is-refused
