#!/bin/bash
# The module and the userspace validator (driftctl, driftguardd, the policy
# files) keep one table of list rules: for each rule, the list that breaks
# it is named by the userspace validator and refused by the module with the
# table's errno and message, and the policy in force stays.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
id=$(stat -c %i "$CG")
policy --mode prevent --deny apt-get
before=$("$DRIFTCTL" policy list --json)
rc=0
out=$("$BIN"/badmsg pattern-rules "$id") || rc=$?
echo "$out"
expect_eq "every rule agrees (badmsg exit status)" 0 "$rc"
expect_eq "rules checked" 4 "$(grep -c ': ok$' <<<"$out")"
expect_eq "policies unchanged" "$before" "$("$DRIFTCTL" policy list --json)"
pass
