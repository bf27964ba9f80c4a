#!/bin/bash
# The scenario dropped-binary-is-refused-and-recorded-with-runtime-and-container-id of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman dropped-binary-is-refused-and-recorded-with-runtime-and-container-id
