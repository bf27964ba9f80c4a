#!/bin/bash
# The scenario dropped-binary-is-refused-and-recorded-with-runtime-and-container-id of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker dropped-binary-is-refused-and-recorded-with-runtime-and-container-id
