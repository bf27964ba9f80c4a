#!/bin/bash
# The scenario dropped-binary-record-names-the-image-its-digest-and-the-container-name of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman dropped-binary-record-names-the-image-its-digest-and-the-container-name
