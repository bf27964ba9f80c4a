#!/bin/bash
# The scenario image-binary-runs-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman image-binary-runs-without-record
