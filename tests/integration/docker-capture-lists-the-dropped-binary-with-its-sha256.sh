#!/bin/bash
# The scenario capture-lists-the-dropped-binary-with-its-sha256 of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (overlay2).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker capture-lists-the-dropped-binary-with-its-sha256
