#!/bin/bash
# The scenario drift-record-in-journald-and-syslog-names-the-image-and-the-container of tests/lib/playbook.sh
# (which says what it does and expects) on containerd (ctr run, overlayfs snapshotter).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook containerd drift-record-in-journald-and-syslog-names-the-image-and-the-container
