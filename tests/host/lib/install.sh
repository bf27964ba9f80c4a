# SPDX-License-Identifier: GPL-2.0
# tests/host/lib/install.sh: what the make-install host tests share: REPO,
# fail, and a staging directory D (with D.log and D.* beside it) removed at
# exit.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)

fail() {
	echo "FAILED: $*" >&2
	exit 1
}

D=$(mktemp -d "${TMPDIR:-/tmp}/dg-install.XXXXXX")
log=$D.log
cleanup() { rm -rf "$D" "$D".*; }
trap cleanup EXIT
