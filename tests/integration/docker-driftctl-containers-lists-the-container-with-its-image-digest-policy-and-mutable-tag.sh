#!/bin/bash
# The scenario driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag
