#!/usr/bin/env bash
# README's list of record fields names every class and every hook a record
# can carry (lib/names.c, the names driftguardd writes), so a new class or
# hook cannot land undocumented.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$REPO/tests/lib/common.sh"

# The paragraph: from "The fields are the same everywhere" to "`path` as
# the container sees it".
para=$(awk '/^The fields are the same everywhere/ { on = 1 }
	on { print }
	on && /`path` as the container/ { exit }' "$REPO/README.md")
[ -n "$para" ] || fail "README has no paragraph starting 'The fields are the same everywhere'"
# name ARRAY: the strings of lib/names.c's ARRAY initialiser.
names() {
	awk -v a="$1" '$0 ~ "^static const char \\*const " a "\\[\\]" { on = 1; next }
		on && /^};/ { exit }
		on { if (match($0, /"[^"]*"/)) print substr($0, RSTART + 1, RLENGTH - 2) }' \
		"$REPO/lib/names.c"
}
classes=$(names dg_classes)
hooks=$(names dg_hooks)
[ "$(wc -l <<<"$classes")" -gt 10 ] || fail "read too few classes from lib/names.c: $classes"
[ "$(wc -l <<<"$hooks")" -gt 10 ] || fail "read too few hooks from lib/names.c: $hooks"
flat=$(tr '\n' ' ' <<<"$para")
cls=$(sed -n 's/.*`class` (\([^)]*\)).*/\1/p' <<<"$flat")
hks=$(sed -n 's/.*`hook` (\(.*\)), `path` as.*/\1/p' <<<"$flat")
[ -n "$cls" ] || fail "README's field list has no \`class\` (...)"
[ -n "$hks" ] || fail "README's field list has no \`hook\` (...)"
missing=
for c in $classes; do
	[ "$c" = none ] && continue
	grep -qE "(^|[ ,(])$c(,|\$| )" <<<"$cls" || missing+=" class:$c"
done
for h in $hooks; do
	grep -qE "(^|[ ,(])$h(,|\$| )" <<<"$hks" || missing+=" hook:$h"
done
[ -z "$missing" ] || fail "README's record fields do not name:$missing"
pass
