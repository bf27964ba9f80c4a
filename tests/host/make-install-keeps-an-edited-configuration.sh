#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# A second `make install` does not overwrite a configuration the operator
# edited (it says it kept it), and `make uninstall` keeps the edited file, as
# dpkg keeps a changed conffile, while it removes the unchanged ones.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/install.sh"

k=$("$REPO/scripts/kernels" | sed -n 1p)
conf=$D/etc/driftguard/policy.d/containers.conf

make -C "$REPO" install DESTDIR="$D" KVER="$k" >"$log" 2>&1 ||
	fail "the first make install failed: $(tail -n 20 "$log")"
cmp -s "$REPO/etc/policy.d/containers.conf" "$conf" ||
	fail "the first make install did not install etc/policy.d/containers.conf as $conf"

echo '# edited on this node' >>"$conf"
edited=$(cat "$conf")
make -C "$REPO" install DESTDIR="$D" KVER="$k" >"$log" 2>&1 ||
	fail "the second make install failed: $(tail -n 20 "$log")"
[ "$(cat "$conf")" = "$edited" ] || fail "the second make install replaced the edited $conf"
grep -q "$conf exists: kept" "$log" || fail "the second make install did not say it kept $conf: $(cat "$log")"

make -C "$REPO" uninstall DESTDIR="$D" >"$log" 2>&1 ||
	fail "make uninstall failed: $(tail -n 20 "$log")"
[ "$(cat "$conf" 2>/dev/null)" = "$edited" ] || fail "make uninstall removed the edited $conf"
grep -q "$conf differs from etc/policy.d/containers.conf: kept" "$log" ||
	fail "make uninstall did not say it kept $conf: $(cat "$log")"
left=$(cd "$D" && find . ! -type d | sed 's|^\.||')
[ "$left" = /etc/driftguard/policy.d/containers.conf ] ||
	fail "make uninstall should leave only the edited file, left: $left"
pass
