#!/bin/bash
# The scenario drift-record-in-journald-and-syslog-names-the-image-and-the-container of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker drift-record-in-journald-and-syslog-names-the-image-and-the-container
