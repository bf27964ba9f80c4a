// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the hooks on what a task runs (exec, executable mappings) and
 * on the acts that would get around them (user namespaces, /proc/<pid>/mem
 * writes, cgroup moves): adapters for decide.c, in the hook table (hooks.c).
 */
#include <linux/binfmts.h>
#include <linux/cgroup.h>
#include <linux/ctype.h>
#include <linux/ftrace.h>
#include <linux/magic.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/personality.h>
#include <linux/rcupdate.h>
#include <linux/sched/task.h>
#include <linux/string.h>

#include "compat.h"
#include "decide.h"
#include "hooks-handlers.h"
#include "unchanged.h"

/* int security_bprm_check(struct linux_binprm *bprm): once per binfmt level. */
void notrace dg_hook_bprm_check(unsigned long ip, unsigned long pip,
				struct ftrace_ops *ops,
				struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct linux_binprm *bprm;
	struct dg_request req = { .hook = DRIFTGUARD_HOOK_EXEC };

	bprm = (struct linux_binprm *)regs_get_kernel_argument(regs, 0);
	req.path = &bprm->file->f_path;
	req.filename = bprm->filename;
	/* First level: the file asked for; then each interpreter in turn. */
	req.asked = bprm->interp;
	req.bprm = bprm;
	if (dg_decide(&req))
		dg_redirect(regs);
}

static bool dg_prot_exec(unsigned long prot)
{
	return (prot & PROT_EXEC) ||
	       ((prot & PROT_READ) && (current->personality & READ_IMPLIES_EXEC));
}

/*
 * Kernel-internal files (S_PRIVATE) stand for anonymous memory: a shared
 * anonymous mapping is backed by shmem's "dev/zero", a SysV segment by
 * "SYSV<key>", and an anon inode is no file at all. No filesystem a
 * container can name holds them: what runs from them is the execmem
 * question, never a file's class.
 */
static bool dg_anon_file(const struct file *file)
{
	return !file || IS_PRIVATE(file_inode(file));
}

/* The file a hardening event names: NULL for anonymous memory. */
static const struct path *dg_file_path(struct file *file)
{
	return dg_anon_file(file) ? NULL : dg_file_user_path(file);
}

/* Is a new executable mapping anonymous memory, or a writable private copy? */
static bool dg_map_execmem(const struct file *file, unsigned long prot,
			   unsigned long flags)
{
	return dg_anon_file(file) ||
	       ((flags & MAP_TYPE) == MAP_PRIVATE && (prot & PROT_WRITE));
}

/* int security_mmap_file(struct file *file, unsigned long prot, flags) */
void notrace dg_hook_mmap_file(unsigned long ip, unsigned long pip,
			       struct ftrace_ops *ops,
			       struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct dg_request req = { .hook = DRIFTGUARD_HOOK_MMAP };
	unsigned long prot, flags;
	struct file *file;

	file = (struct file *)regs_get_kernel_argument(regs, 0);
	prot = regs_get_kernel_argument(regs, 1);
	flags = regs_get_kernel_argument(regs, 2);
	/*
	 * A shared mapping of a file open for writing may write its content
	 * without a write call, now or after an mprotect: a write for
	 * unchanged.c, made or not.
	 */
	if (unlikely((flags & MAP_TYPE) != MAP_PRIVATE) && file &&
	    (file->f_mode & FMODE_WRITE))
		dg_unchanged_write(file_inode(file));
	if (!dg_prot_exec(prot))
		return;
	/*
	 * in_execve is set from bprm_execve() until the new program is about to
	 * run: mappings then are made by the kernel's binary loader, not asked
	 * for by a program. The binary itself (already the new mm's exe_file)
	 * was judged at bprm_check; anything else, the ELF interpreter, is
	 * judged as part of the exec.
	 */
	if (current->in_execve) {
		if (dg_anon_file(file) ||
		    (current->mm &&
		     file == rcu_access_pointer(current->mm->exe_file)))
			return;
		req.in_exec = true;
	} else if (dg_map_execmem(file, prot, flags) &&
		   dg_decide_harden(DRIFTGUARD_CLASS_EXECMEM,
				    DRIFTGUARD_HOOK_MMAP, dg_file_path(file))) {
		dg_redirect(regs);
		return;
	}
	if (dg_anon_file(file))
		return;
	req.path = dg_file_user_path(file);
	if (dg_decide(&req))
		dg_redirect(regs);
}

/*
 * Does making @vma executable with @prot (or writable while executable)
 * create executable memory that is not a file's content? Anonymous memory
 * is; so is a private file mapping that is made writable or has been
 * written: its anon_vma holds the copies its writes made (what SELinux
 * calls execmod, as text relocations do).
 */
static bool dg_vma_execmem(const struct vm_area_struct *vma, unsigned long prot)
{
	if (dg_anon_file(vma->vm_file))
		return true;
	if (vma->vm_flags & VM_SHARED)
		return false;
	return (prot & PROT_WRITE) || vma->anon_vma;
}

/* int security_file_mprotect(struct vm_area_struct *vma, reqprot, prot) */
void notrace dg_hook_file_mprotect(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct dg_request req = { .hook = DRIFTGUARD_HOOK_MMAP };
	struct vm_area_struct *vma;
	unsigned long prot;

	vma = (struct vm_area_struct *)regs_get_kernel_argument(regs, 0);
	prot = regs_get_kernel_argument(regs, 2);
	if (!dg_prot_exec(prot))
		return;
	/* New executable memory: exec added, or write added to exec. */
	if ((!(vma->vm_flags & VM_EXEC) || (prot & PROT_WRITE)) &&
	    dg_vma_execmem(vma, prot) &&
	    dg_decide_harden(DRIFTGUARD_CLASS_EXECMEM, DRIFTGUARD_HOOK_MMAP,
			     dg_file_path(vma->vm_file))) {
		dg_redirect(regs);
		return;
	}
	/* Only a file mapping that becomes executable is a new question. */
	if (dg_anon_file(vma->vm_file) || (vma->vm_flags & VM_EXEC))
		return;
	req.path = dg_file_user_path(vma->vm_file);
	if (dg_decide(&req))
		dg_redirect(regs);
}

/*
 * int security_create_user_ns(const struct cred *cred): every new user
 * namespace, from clone() or unshare(), in the creating task. A runtime
 * makes a container's own user namespace before it leaves the initial
 * mount namespace; only tasks inside a container are judged.
 */
void notrace dg_hook_create_user_ns(unsigned long ip, unsigned long pip,
				    struct ftrace_ops *ops,
				    struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (!dg_task_on_host() &&
	    dg_decide_harden(DRIFTGUARD_CLASS_USERNS, DRIFTGUARD_HOOK_USERNS,
			     NULL))
		dg_redirect(regs);
}

/* Is @name all decimal digits, as a /proc pid or tid directory is? */
static bool dg_all_digits(const struct qstr *name)
{
	u32 i;

	for (i = 0; i < name->len; i++)
		if (!isdigit(name->name[i]))
			return false;
	return name->len > 0;
}

/*
 * Is @file a /proc/<pid>/mem or /proc/<pid>/task/<tid>/mem? procfs names
 * its entries itself: nothing can be created or renamed there, so the
 * names are the kernel's.
 */
static bool dg_proc_mem(const struct file *file)
{
	const struct dentry *dentry = file->f_path.dentry;

	return dentry->d_sb->s_magic == PROC_SUPER_MAGIC &&
	       dentry->d_name.len == 3 && !memcmp(dentry->d_name.name, "mem", 3) &&
	       dg_all_digits(&dentry->d_parent->d_name);
}

/*
 * int mem_open(struct inode *inode, struct file *file): procfs' open of
 * /proc/<pid>/mem and /proc/<pid>/task/<tid>/mem (proc_mem_operations'
 * open, so declared as struct file_operations' open: probe.sh), called by
 * do_dentry_open() after f_mode is set and the LSMs' file_open have said
 * yes. Denied here, the open fails as if mem_open() had: no release, no
 * mm taken. Only these opens get here, not every file's; installed only
 * once a policy turns procmem on (dg_hooks_want()).
 *
 * The hook is attached by name, and a module may have a static mem_open
 * of its own (cxgb4's debugfs has one): ftrace attaches to every function
 * of that name loaded at the time. Only the core kernel's is ours, and it
 * lies below the module area.
 */
void notrace dg_hook_mem_open(unsigned long ip, unsigned long pip,
			      struct ftrace_ops *ops,
			      struct ftrace_regs *fregs)
{
	struct pt_regs *regs;
	struct file *file;

	if (unlikely(ip >= MODULES_VADDR))
		return;
	regs = dg_regs(fregs);
	file = (struct file *)regs_get_kernel_argument(regs, 1);
	if (!(file->f_mode & FMODE_WRITE) || !dg_proc_mem(file))
		return;
	if (dg_decide_harden(DRIFTGUARD_CLASS_PROCMEM, DRIFTGUARD_HOOK_OPEN,
			     &file->f_path))
		dg_redirect(regs);
}

/*
 * int cgroup_attach_task(struct cgroup *dst, struct task_struct *leader,
 *			  bool threadgroup): not an LSM hook (there is none for
 * cgroup moves), but the one function every write to cgroup.procs or
 * cgroup.threads goes through, on both kernels we support. Called with
 * cgroup_mutex held.
 */
void notrace dg_hook_cgroup_attach(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_decide_attach((struct cgroup *)regs_get_kernel_argument(regs, 0),
			     (struct task_struct *)
			     regs_get_kernel_argument(regs, 1)))
		dg_redirect(regs);
}

/*
 * int cgroup_can_fork(struct task_struct *child,
 *		       struct kernel_clone_args *kargs): called for every fork;
 * clone3(CLONE_INTO_CGROUP) starts the child in the cgroup of a directory
 * fd without cgroup_attach_task(). The fd is resolved only for such forks.
 */
void notrace dg_hook_can_fork(unsigned long ip, unsigned long pip,
			      struct ftrace_ops *ops,
			      struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct kernel_clone_args *kargs;
	struct cgroup *dst;

	kargs = (struct kernel_clone_args *)regs_get_kernel_argument(regs, 1);
	if (likely(!(kargs->flags & CLONE_INTO_CGROUP)))
		return;
	/* A bad fd is cgroup_can_fork()'s own error to report. */
	dst = cgroup_get_from_fd(kargs->cgroup);
	if (IS_ERR(dst))
		return;
	if (dg_decide_attach(dst, current))
		dg_redirect(regs);
	cgroup_put(dst);
}
