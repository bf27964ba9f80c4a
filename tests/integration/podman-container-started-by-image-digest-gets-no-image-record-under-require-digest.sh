#!/bin/bash
# The scenario container-started-by-image-digest-gets-no-image-record-under-require-digest of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman container-started-by-image-digest-gets-no-image-record-under-require-digest
