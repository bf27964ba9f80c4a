#!/bin/bash
# The scenario second-listener-is-refused-and-recorded-under-listen-prevent of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker second-listener-is-refused-and-recorded-under-listen-prevent
