#!/bin/bash
# The scenario ld-preload-of-a-drifted-library-is-not-loaded of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker ld-preload-of-a-drifted-library-is-not-loaded
