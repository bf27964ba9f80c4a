#!/bin/bash
# `driftctl verify-log --json` prints one JSON array with an object per
# file, in the order given: for a rotated log that chains, every file
# intact and exit 0; given in the wrong order, the same array with the
# second file not intact, naming its record 1, and exit 1.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/lib/driftctl.sh"

# Three records chained by SHA-256, the first two in the rotated file.
prev=$(printf '%064d' 0)
for i in 1 2 3; do
	line="{\"record\":\"drift\",\"n\":$i,\"prev\":\"$prev\"}"
	[ "$i" -le 2 ] && f=events.jsonl.1 || f=events.jsonl
	printf '%s\n' "$line" >>"$TMP/$f"
	prev=$(printf '%s' "$line" | sha256sum | cut -d' ' -f1)
done

run verify-log --json "$TMP/events.jsonl.1" "$TMP/events.jsonl"
expect_eq "in order: exit status" 0 "$RC"
json_check "[(f['file'], f['records'], f['intact']) for f in d] == [('$TMP/events.jsonl.1', 2, True), ('$TMP/events.jsonl', 1, True)]" ||
	fail "in order: not the array of two intact files"

run verify-log --json "$TMP/events.jsonl" "$TMP/events.jsonl.1"
expect_eq "out of order: exit status" 1 "$RC"
json_check "[(f['file'], f['intact'], f.get('record')) for f in d] == [('$TMP/events.jsonl', True, None), ('$TMP/events.jsonl.1', False, 1)]" ||
	fail "out of order: not the array naming record 1 of the second file"
pass "verify-log --json is one array"
