/* SPDX-License-Identifier: GPL-2.0 */
/*
 * driftguard: the one place where kernel differences are bridged.
 *
 * Every difference is selected by a DRIFTGUARD_HAS_* macro that probe.sh
 * derives from the target kernel's headers, never by a version number, so
 * backports are handled by what the kernel has rather than what it claims.
 */
#ifndef DRIFTGUARD_COMPAT_H
#define DRIFTGUARD_COMPAT_H

#include <linux/fs.h>
#include <linux/module.h>
#include <net/genetlink.h>

/*
 * Events reveal what runs in every container: only CAP_SYS_ADMIN may join
 * the group. Kernels without bind-time enforcement are refused rather than
 * served with an open group.
 */
#ifndef DRIFTGUARD_HAS_GENL_MCAST_CAP
#error "kernel lacks GENL_MCAST_CAP_SYS_ADMIN (Debian 6.1.176 or later needed)"
#endif

/*
 * The op a family's pre_doit is given: from 6.2 every op is split into a
 * do and a dump half (struct genl_split_ops), before that struct genl_ops.
 * Both carry the internal_flags the permission check reads.
 */
#ifdef DRIFTGUARD_HAS_GENL_SPLIT_OPS
#define dg_genl_op genl_split_ops
#else
#define dg_genl_op genl_ops
#endif

/*
 * hooks-*.c read the hooked functions' arguments by position from the saved
 * registers: a function whose declaration changed would be misread, so
 * every one must be declared as hooks-*.c expect (probe.sh compares them).
 * Checked on Debian's 6.1, 6.12 (bookworm and trixie), trixie-backports'
 * and sid's kernels.
 */
#if !defined(DRIFTGUARD_HAS_SIG_BPRM_CHECK) || \
	!defined(DRIFTGUARD_HAS_SIG_MMAP_FILE) || \
	!defined(DRIFTGUARD_HAS_SIG_FILE_MPROTECT) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_COPY_UP) || \
	!defined(DRIFTGUARD_HAS_SIG_DENTRY_CREATE_FILES_AS) || \
	!defined(DRIFTGUARD_HAS_SIG_CREATE_USER_NS) || \
	!defined(DRIFTGUARD_HAS_SIG_FOP_OPEN) || \
	!defined(DRIFTGUARD_HAS_SIG_SB_DELETE) || \
	!defined(DRIFTGUARD_HAS_SIG_CGROUP_CAN_FORK) || \
	!defined(DRIFTGUARD_HAS_SIG_SOCKET_LISTEN) || \
	!defined(DRIFTGUARD_HAS_SIG_SOCKET_BIND) || \
	!defined(DRIFTGUARD_HAS_SIG_SOCKET_CONNECT) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_CREATE) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_MKDIR) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_MKNOD) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_SYMLINK) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_LINK) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_UNLINK) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_RMDIR) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_RENAME) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_SETATTR) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_SETXATTR) || \
	!defined(DRIFTGUARD_HAS_SIG_INODE_REMOVEXATTR) || \
	(defined(DRIFTGUARD_HAS_INODE_SET_ACL) && \
	 (!defined(DRIFTGUARD_HAS_SIG_INODE_SET_ACL) || \
	  !defined(DRIFTGUARD_HAS_SIG_INODE_REMOVE_ACL)))
#error "a hooked function is declared unlike what hooks-*.c read (probe.sh signature)"
#endif

/*
 * Every hook is an ftrace_ops without SAVE_REGS, as livepatch's are where
 * the architecture has DYNAMIC_FTRACE_WITH_ARGS: the trampoline
 * (ftrace_caller) saves the argument registers and the instruction
 * pointer as a partial struct pt_regs, and returns to the instruction
 * pointer found there after the handler ("Handlers can change the RIP"),
 * which is how a denial takes effect. The full register save of a
 * SAVE_REGS trampoline (ftrace_regs_caller) is not needed for that, and
 * is not paid. dg_ftrace_pt_regs() is that partial pt_regs: only its
 * argument registers (regs_get_kernel_argument(), as the kernel's own
 * ftrace_regs_get_argument() reads them) and its ip may be used. 6.12
 * reaches it through arch_ftrace_regs(), 6.1 has it as the x86 struct
 * ftrace_regs' only member. Without the argument-saving trampoline the ip
 * set would be a silent no-op (a denial that lets the call through): no
 * build.
 */
#if !defined(DRIFTGUARD_HAS_FTRACE_FUNC_FREGS) || \
	!defined(CONFIG_HAVE_DYNAMIC_FTRACE_WITH_ARGS) || !defined(CONFIG_X86_64)
#error "the kernel's ftrace callback or argument-saving trampoline differs from hooks*.c's"
#endif
#if defined(DRIFTGUARD_HAS_FTRACE_ARCH_REGS)
#define dg_ftrace_pt_regs(fregs) (&arch_ftrace_regs(fregs)->regs)
#elif defined(DRIFTGUARD_HAS_FTRACE_REGS_PT_REGS)
#define dg_ftrace_pt_regs(fregs) (&(fregs)->regs)
#else
#error "cannot find the pt_regs in the kernel's struct ftrace_regs"
#endif

/*
 * layer.c reads overlayfs' private "struct dentry *__upperdentry" as the
 * pointer right after the VFS inode. probe.sh reads where the target
 * kernel's overlay.ko (its BTF) puts __upperdentry and the member before
 * it: unless that member is exactly one struct inode long, as these
 * headers have it, the read would be wrong, and the build stops.
 */
#ifndef DRIFTGUARD_OVL_UPPER_OFFSET
#error "cannot read the target kernel's overlayfs inode layout: see probe.sh's message"
#endif
/* sparse sizes 6.12's struct inode differently from the compiler: skip. */
#ifndef __CHECKER__
static_assert(DRIFTGUARD_OVL_UPPER_OFFSET - DRIFTGUARD_OVL_INODE_OFFSET ==
	      sizeof(struct inode),
	      "overlayfs' __upperdentry does not follow the VFS inode in the target kernel");
#endif

/*
 * copied.c reads, around the VFS inode, overlayfs' "unsigned long flags"
 * (right before it; bit OVL_UPPERDATA set once the upper holds the data)
 * and the lower layer right after __upperdentry: 6.1 keeps an inline
 * "struct ovl_path lowerpath", 6.12 a "struct ovl_entry *oe" with
 * "unsigned int __numlower" and then the "struct ovl_path" stack. All of it
 * was read from the target's BTF by probe.sh; the struct ovl_path layout
 * ({layer, dentry}, layer->mnt first) is overlayfs' own and is mirrored
 * here. A kernel whose BTF says otherwise does not build.
 */
#if !defined(DRIFTGUARD_OVL_FLAGS_OFFSET) || !defined(DRIFTGUARD_OVL_LOWER_OFFSET)
#error "cannot read the target kernel's overlayfs inode layout: see probe.sh's message"
#endif
#ifndef __CHECKER__
static_assert(DRIFTGUARD_OVL_INODE_OFFSET - DRIFTGUARD_OVL_FLAGS_OFFSET ==
	      sizeof(unsigned long), "overlayfs' flags do not precede the VFS inode");
static_assert(DRIFTGUARD_OVL_LOWER_OFFSET - DRIFTGUARD_OVL_UPPER_OFFSET ==
	      sizeof(void *), "overlayfs' lower layer does not follow __upperdentry");
#endif
#if DRIFTGUARD_OVL_LOWER_KIND == 1
#define DRIFTGUARD_HAS_OVL_LOWERPATH
#elif DRIFTGUARD_OVL_LOWER_KIND != 2
#error "unknown overlayfs lower layer member"
#endif

/*
 * On PREEMPT_RT a spinlock_t sleeps and GFP_ATOMIC allocation is not allowed
 * with preemption disabled, which is how every hook decides: refuse the
 * build rather than ship a module that is wrong there.
 */
#ifdef CONFIG_PREEMPT_RT
#error "PREEMPT_RT (Debian's -rt- flavour) is not supported: the hooks lock and allocate atomically"
#endif

/*
 * lock.c records the module as a user of itself (THIS_MODULE->source_list),
 * which delete_module() refuses with or without -f, and which /proc/modules
 * prints through the entry's ->source. The 7.x kernels moved the
 * declaration into kernel/module/internal.h; the layout there (7.2 and
 * 7.3 sources read) is the one <linux/module.h> had.
 */
#if defined(CONFIG_MODULE_UNLOAD) && !defined(DRIFTGUARD_HAS_MODULE_USE)
struct module_use {
	struct list_head source_list;
	struct list_head target_list;
	struct module *source, *target;
};
#endif

/*
 * The path a user sees for a file. For a mapping of an overlayfs file the
 * vma holds overlay's backing file: from 6.8 a backing_file that remembers
 * the user path, before that a file opened with the user path in f_path.
 */
static inline const struct path *dg_file_user_path(const struct file *file)
{
#ifdef DRIFTGUARD_HAS_FILE_USER_PATH
	return file_user_path(file);
#else
	return &file->f_path;
#endif
}

#endif /* DRIFTGUARD_COMPAT_H */
