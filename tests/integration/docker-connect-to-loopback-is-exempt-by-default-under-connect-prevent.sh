#!/bin/bash
# The scenario connect-to-loopback-is-exempt-by-default-under-connect-prevent of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker connect-to-loopback-is-exempt-by-default-under-connect-prevent
