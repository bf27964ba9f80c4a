/* SPDX-License-Identifier: GPL-2.0 */
/*
 * driftguard: the hook handlers (hooks-exec.c, hooks-files.c, hooks-net.c)
 * as the hook table (hooks.c) names them, and the helpers they share.
 * Private to the hooks*.c files.
 */
#ifndef DRIFTGUARD_HOOKS_HANDLERS_H
#define DRIFTGUARD_HOOKS_HANDLERS_H

#include <linux/compiler.h>
#include <linux/ftrace.h>
#include <linux/ptrace.h>

#include "compat.h"

/*
 * The registers of the hooked call the trampoline saved: its arguments, for
 * regs_get_kernel_argument(), and the instruction pointer it goes on at,
 * for dg_redirect(); nothing else of them (compat.h).
 */
static __always_inline struct pt_regs *dg_regs(struct ftrace_regs *fregs)
{
	return dg_ftrace_pt_regs(fregs);
}

/* In hooks.c: its address is where a denied call goes (dg_redirect()). */
int dg_deny(void);

static inline void dg_redirect(struct pt_regs *regs)
{
	instruction_pointer_set(regs, (unsigned long)dg_deny);
}

/* A handler of the hook table: an ftrace_func_t, notrace like every one. */
#define DG_HANDLER(name)						\
	void notrace name(unsigned long ip, unsigned long pip,		\
			  struct ftrace_ops *ops, struct ftrace_regs *fregs)

/* hooks-exec.c */
DG_HANDLER(dg_hook_bprm_check);
DG_HANDLER(dg_hook_mmap_file);
DG_HANDLER(dg_hook_file_mprotect);
DG_HANDLER(dg_hook_create_user_ns);
DG_HANDLER(dg_hook_mem_open);
DG_HANDLER(dg_hook_cgroup_attach);
DG_HANDLER(dg_hook_can_fork);

/* hooks-files.c */
DG_HANDLER(dg_hook_ovl_write_iter);
DG_HANDLER(dg_hook_ovl_splice_write);
DG_HANDLER(dg_hook_ovl_fallocate);
DG_HANDLER(dg_hook_ovl_file_out);
DG_HANDLER(dg_hook_ovl_setattr);
DG_HANDLER(dg_hook_inode_free);
DG_HANDLER(dg_hook_setxattr);
DG_HANDLER(dg_hook_xattr);
DG_HANDLER(dg_hook_ovl_open);
DG_HANDLER(dg_hook_copy_up);
DG_HANDLER(dg_hook_create);
DG_HANDLER(dg_hook_inode_create);
DG_HANDLER(dg_hook_inode_mkdir);
DG_HANDLER(dg_hook_inode_mknod);
DG_HANDLER(dg_hook_inode_symlink);
DG_HANDLER(dg_hook_inode_link);
DG_HANDLER(dg_hook_inode_unlink);
DG_HANDLER(dg_hook_inode_rmdir);
DG_HANDLER(dg_hook_inode_rename);
DG_HANDLER(dg_hook_inode_setattr);
DG_HANDLER(dg_hook_sb_delete);

/* hooks-net.c */
DG_HANDLER(dg_hook_socket_listen);
DG_HANDLER(dg_hook_socket_bind);
DG_HANDLER(dg_hook_socket_connect);

#endif /* DRIFTGUARD_HOOKS_HANDLERS_H */
