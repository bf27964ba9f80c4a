#!/bin/bash
# The scenario runtime-written-script-is-refused of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd runtime-written-script-is-refused
