#!/bin/bash
# The scenario connect-outside-connect-allow-is-refused-and-recorded of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd connect-outside-connect-allow-is-refused-and-recorded
