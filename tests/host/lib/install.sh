# SPDX-License-Identifier: GPL-2.0
# tests/host/lib/install.sh: what the make-install host tests share: REPO,
# tests/lib/common.sh, and a staging directory D (with D.log and D.* beside
# it) removed at exit.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
. "$REPO/tests/lib/common.sh"

D=$(mktemp -d "${TMPDIR:-/tmp}/dg-install.XXXXXX")
log=$D.log
# shellcheck disable=SC2317  # reached through at_exit
install_cleanup() { rm -rf "$D" "$D".*; }
at_exit install_cleanup
