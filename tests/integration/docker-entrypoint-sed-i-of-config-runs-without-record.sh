#!/bin/bash
# The scenario entrypoint-sed-i-of-config-runs-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker entrypoint-sed-i-of-config-runs-without-record
