#!/bin/bash
# The scenario update-ca-certificates-runs-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd update-ca-certificates-runs-without-record
