#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Every man page in man/ formats with groff and with man(1) without a single
# warning: a page that warns renders wrong on some terminal.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
out=$(mktemp)
at_exit rm -f "$out"

shopt -s nullglob
pages=("$repo"/man/*.[1-8])
[ "${#pages[@]}" -gt 0 ] || fail "no man pages in $repo/man"

bad=""
for page in "${pages[@]}"; do
	# -ww: every warning; -z: format, print nothing. Only warnings remain.
	groff -man -Tutf8 -ww -z "$page" >"$out" 2>&1 || true
	MANWIDTH=80 man -l "$page" 2>>"$out" >/dev/null || echo "man -l exited non-zero" >>"$out"
	if [ -s "$out" ]; then
		echo "${page#"$repo"/}:" >&2
		sed 's/^/  /' "$out" >&2
		bad="$bad ${page#"$repo"/}"
	fi
done
[ -z "$bad" ] || fail "warnings (above) from:$bad"
pass "${#pages[@]} man pages render without warnings"
