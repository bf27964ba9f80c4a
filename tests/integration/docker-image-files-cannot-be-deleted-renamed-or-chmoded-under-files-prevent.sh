#!/bin/bash
# On Docker, under files = prevent with the default writable prefixes on
# the parent cgroup of its containers, the image's files stay as the image
# has them: a container's rm, mv and chmod of image files outside writable
# (Debian's licence texts in /usr/share/common-licenses) fail with EPERM
# and leave the files as they were, and driftguardd writes a blocked record
# of each (deleted for the removal and for the rename's old name, modified
# for the chmod).
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=prevent
L=/usr/share/common-licenses
out=$(rt_attack dg/base "rm $L/GPL-2; echo rm=\$?
mv $L/GPL-3 $L/GPL-3.old; echo mv=\$?
chmod 600 $L/BSD; echo chmod=\$?
test -f $L/GPL-2 && echo GPL-2=kept
test -f $L/GPL-3 && echo GPL-3=kept
echo BSD=\$(stat -c %a $L/BSD)")
printf '%s\n' "$out"
expect_match "rm's status" 'rm=[1-9]' "$out"
expect_match "mv's status" 'mv=[1-9]' "$out"
expect_match "chmod's status" 'chmod=[1-9]' "$out"
expect_match "GPL-2 after rm" 'GPL-2=kept' "$out"
expect_match "GPL-3 after mv" 'GPL-3=kept' "$out"
expect_match "BSD's mode after chmod" 'BSD=644' "$out"
expect_drift_record "the refused rm" "\"class\":\"deleted\",\"hook\":\"unlink\".*\"path\":\"$L/GPL-2\""
expect_drift_record "the refused mv" "\"class\":\"deleted\",\"hook\":\"rename\".*\"path\":\"$L/GPL-3\""
expect_drift_record "the refused chmod" "\"class\":\"modified\",\"hook\":\"setattr\".*\"path\":\"$L/BSD\""
pass
