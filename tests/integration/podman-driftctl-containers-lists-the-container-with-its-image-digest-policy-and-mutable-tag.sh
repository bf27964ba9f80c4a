#!/bin/bash
# The scenario driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag of tests/lib/playbook.sh
# (which says what it does and expects) on podman (rootful, overlay driver, runc, cgroupfs).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook podman driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag
