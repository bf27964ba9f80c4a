#!/bin/bash
# "--deny NAME" refuses an image binary whose own name is NAME, 60 bytes:
# longer than a dentry's inline name (DNAME_INLINE_LEN, 32 to 44 bytes),
# which the exec check reads under the dentry's lock rather than its
# seqcount. Run through a symlink of a short name, so that only the
# file's own name can match.
set -eu
. "$DG_SRC/tests/lib.sh"
name=a-program-whose-name-is-longer-than-any-inline-dentry-name-x
[ "${#name}" = 60 ] || fail "the name is ${#name} bytes, not 60"
container_create
container_umount
cp "$BIN"/hello "$C"/image/usr/bin/"$name"
ln -s /usr/bin/"$name" "$C"/image/bin/short
container_mount
expect_runs /bin/short >/dev/null
policy --deny "$name"
expect_denied /bin/short
expect_runs /bin/hello >/dev/null
pass
