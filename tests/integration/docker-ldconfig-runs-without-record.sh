#!/bin/bash
# The scenario ldconfig-runs-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker ldconfig-runs-without-record
