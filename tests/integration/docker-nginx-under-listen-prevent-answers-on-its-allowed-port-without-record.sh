#!/bin/bash
# The scenario nginx-under-listen-prevent-answers-on-its-allowed-port-without-record of tests/lib/playbook.sh
# (which says what it does and expects) on Docker (dockerd, overlay2, cgroupfs driver).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
playbook docker nginx-under-listen-prevent-answers-on-its-allowed-port-without-record
