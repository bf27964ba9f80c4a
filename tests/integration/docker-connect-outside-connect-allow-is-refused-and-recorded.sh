#!/bin/bash
# The scenario connect-outside-connect-allow-is-refused-and-recorded of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker connect-outside-connect-allow-is-refused-and-recorded
