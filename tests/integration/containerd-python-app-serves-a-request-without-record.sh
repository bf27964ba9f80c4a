#!/bin/bash
# The scenario python-app-serves-a-request-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd python-app-serves-a-request-without-record
