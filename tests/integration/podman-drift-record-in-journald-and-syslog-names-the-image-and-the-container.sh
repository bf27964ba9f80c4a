#!/bin/bash
# The scenario drift-record-in-journald-and-syslog-names-the-image-and-the-container of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman drift-record-in-journald-and-syslog-names-the-image-and-the-container
