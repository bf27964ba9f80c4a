#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# module/probe.sh finds every hooked function declared as hooks-*.c read it
# in a test kernel's headers, and reports none for a function whose
# declaration changed (here security_mmap_file with its arguments swapped),
# so compat.h refuses to build for such a kernel.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"

k=$("$repo/scripts/kernels" --full | tail -n 1) || fail "scripts/kernels failed (run scripts/bootstrap)"
# Debian's headers: the arch-independent half, the srctree Kbuild gives probe.sh.
src=/usr/src/linux-headers-${k%-amd64}-common
[ -f "$src/include/linux/security.h" ] || fail "no common headers for $k at $src"

tmp=$(mktemp -d)
at_exit rm -rf "$tmp"
for f in include/linux/security.h include/linux/cgroup.h include/linux/ftrace.h \
	include/linux/module.h include/linux/fs.h include/net/genetlink.h \
	include/linux/ftrace_regs.h arch/x86/include/asm/ftrace.h; do
	[ -f "$src/$f" ] || continue # ftrace_regs.h: 6.12 on
	mkdir -p "$tmp/$(dirname "$f")"
	cp "$src/$f" "$tmp/$f"
done

probes() { DRIFTGUARD_KMOD_DIR=/nonexistent sh "$repo/module/probe.sh" "$1" "$k" 2>/dev/null | tr ' ' '\n'; }
want="SIG_BPRM_CHECK SIG_MMAP_FILE SIG_FILE_MPROTECT SIG_INODE_COPY_UP SIG_DENTRY_CREATE_FILES_AS
SIG_CREATE_USER_NS SIG_FOP_OPEN SIG_SB_DELETE SIG_CGROUP_CAN_FORK SIG_SOCKET_LISTEN SIG_SOCKET_BIND
SIG_SOCKET_CONNECT SIG_INODE_CREATE SIG_INODE_MKDIR SIG_INODE_MKNOD SIG_INODE_SYMLINK
SIG_INODE_LINK SIG_INODE_UNLINK SIG_INODE_RMDIR SIG_INODE_RENAME SIG_INODE_SETATTR
SIG_INODE_SETXATTR SIG_INODE_REMOVEXATTR FTRACE_FUNC_FREGS"
got=$(probes "$tmp")
for p in $want; do
	grep -qx -- "-DDRIFTGUARD_HAS_$p" <<<"$got" || fail "probe.sh misses $p in $k's own headers"
done
# Where the hooks' pt_regs is: 6.12's arch_ftrace_regs(), 6.1's member.
grep -qx -E -- '-DDRIFTGUARD_HAS_FTRACE_(ARCH_REGS|REGS_PT_REGS)' <<<"$got" ||
	fail "probe.sh finds no pt_regs in $k's struct ftrace_regs"
# 6.2+: POSIX ACLs have hooks of their own, declared as hooks-*.c read them.
if grep -qx -- '-DDRIFTGUARD_HAS_INODE_SET_ACL' <<<"$got"; then
	for p in SIG_INODE_SET_ACL SIG_INODE_REMOVE_ACL; do
		grep -qx -- "-DDRIFTGUARD_HAS_$p" <<<"$got" || fail "probe.sh misses $p in $k's own headers"
	done
fi

sed -i 's/int security_mmap_file(struct file \*file, unsigned long prot,/int security_mmap_file(unsigned long prot, struct file *file,/' \
	"$tmp/include/linux/security.h"
grep -q 'security_mmap_file(unsigned long prot, struct file \*file,' "$tmp/include/linux/security.h" ||
	fail "could not alter security_mmap_file's declaration in the copy"
got=$(probes "$tmp")
! grep -qx -- '-DDRIFTGUARD_HAS_SIG_MMAP_FILE' <<<"$got" ||
	fail "probe.sh still reports SIG_MMAP_FILE for a changed declaration"
grep -qx -- '-DDRIFTGUARD_HAS_SIG_FILE_MPROTECT' <<<"$got" ||
	fail "probe.sh lost SIG_FILE_MPROTECT, which did not change"
grep -q 'a hooked function is declared unlike what hooks-\*\.c read' "$repo/module/compat.h" ||
	fail "compat.h does not refuse the build on a missing SIG_ probe"
pass
