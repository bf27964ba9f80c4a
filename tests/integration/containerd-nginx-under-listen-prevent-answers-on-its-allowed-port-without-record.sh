#!/bin/bash
# The scenario nginx-under-listen-prevent-answers-on-its-allowed-port-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd nginx-under-listen-prevent-answers-on-its-allowed-port-without-record
