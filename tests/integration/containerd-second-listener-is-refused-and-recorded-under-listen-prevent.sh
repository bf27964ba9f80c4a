#!/bin/bash
# The scenario second-listener-is-refused-and-recorded-under-listen-prevent of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd second-listener-is-refused-and-recorded-under-listen-prevent
