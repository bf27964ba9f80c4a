#!/bin/bash
# The scenario download-and-run-in-tmp-is-refused of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd download-and-run-in-tmp-is-refused
