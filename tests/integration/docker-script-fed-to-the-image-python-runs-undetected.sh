#!/bin/bash
# The scenario script-fed-to-the-image-python-runs-undetected of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker script-fed-to-the-image-python-runs-undetected
