# SPDX-License-Identifier: GPL-2.0
# driftguard host tests: run the built driftctl on the host, where the module
# is not loaded (sourced by tests/host/driftctl-*.sh; not a test itself).
#
# Sets REPO, DRIFTCTL (build/bin/driftctl, which must be built) and TMP (a
# directory removed at exit). run ARGS...: runs driftctl, leaving its stdout
# in $OUT, its stderr in $ERR and its exit status in $RC.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
DRIFTCTL=${DRIFTCTL:-$REPO/build/bin/driftctl}
. "$REPO/tests/lib/common.sh"

[ -x "$DRIFTCTL" ] || fail "$DRIFTCTL is not built (make userspace)"
TMP=$(mktemp -d)
at_exit rm -rf "$TMP"

run() {
	RC=0
	"$DRIFTCTL" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null || RC=$?
	OUT=$(cat "$TMP/out")
	ERR=$(cat "$TMP/err")
}

# json_check PYTHON-EXPRESSION: $OUT is exactly one JSON document, d, for
# which the expression is true.
json_check() {
	printf '%s' "$OUT" | python3 -c '
import json, sys
text = sys.stdin.read()
try:
    d = json.loads(text)
except ValueError as e:
    sys.exit("not one JSON document (%s): %r" % (e, text))
if not (eval(sys.argv[1])):
    sys.exit("not true of %r: %s" % (d, sys.argv[1]))
' "$1"
}

# module_absent: these tests show what driftctl does without the module.
module_absent() {
	! grep -qs '^driftguard ' /proc/modules ||
		fail "the driftguard module is loaded on this host: this test needs it absent"
}

# commands: every command driftctl has, one a line ("policy set"), as
# `driftctl help --json` lists them.
commands() {
	"$DRIFTCTL" help --json |
		python3 -c 'import json, sys; print("\n".join(c["command"] for c in json.load(sys.stdin)))'
}
