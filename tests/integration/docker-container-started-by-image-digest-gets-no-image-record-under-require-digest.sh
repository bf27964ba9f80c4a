#!/bin/bash
# The scenario container-started-by-image-digest-gets-no-image-record-under-require-digest of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker container-started-by-image-digest-gets-no-image-record-under-require-digest
