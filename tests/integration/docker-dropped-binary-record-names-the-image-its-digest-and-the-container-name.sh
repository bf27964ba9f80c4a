#!/bin/bash
# The scenario dropped-binary-record-names-the-image-its-digest-and-the-container-name of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker dropped-binary-record-names-the-image-its-digest-and-the-container-name
