// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the hook table (ftrace-attached kernel security functions).
 *
 * Each hook is a raw ftrace_ops on a security_*() function, attached by
 * name. Unlike a kprobe or kretprobe it has no instance pool to run out and
 * is never skipped under load: every call reaches its handler. A handler is
 * an adapter: it copies the arguments into a dg_request, asks dg_decide(),
 * and on denial points the saved instruction pointer at dg_deny(), so the
 * hooked function returns -EPERM to its caller without running. Nothing
 * resolved at run time is ever called.
 */
#include <linux/binfmts.h>
#include <linux/ctype.h>
#include <linux/ftrace.h>
#include <linux/magic.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/personality.h>
#include <linux/rcupdate.h>
#include <linux/sched/task.h>
#include <linux/string.h>

#include "anchor.h"
#include "compat.h"
#include "decide.h"
#include "files.h"
#include "hooks.h"
#include "net.h"
#include "policy.h"
#include "stats.h"
#include "unchanged.h"

/*
 * The registers of the hooked call the trampoline saved: its arguments, for
 * regs_get_kernel_argument(), and the instruction pointer it goes on at,
 * for dg_redirect(); nothing else of them (compat.h).
 */
static __always_inline struct pt_regs *dg_regs(struct ftrace_regs *fregs)
{
	return dg_ftrace_pt_regs(fregs);
}

/* Stands in for a denied security_*() call: same effect as its LSM saying no. */
static noinline int dg_deny(void)
{
	return -EPERM;
}

static void dg_redirect(struct pt_regs *regs)
{
	instruction_pointer_set(regs, (unsigned long)dg_deny);
}

/* int security_bprm_check(struct linux_binprm *bprm): once per binfmt level. */
static void notrace dg_hook_bprm_check(unsigned long ip, unsigned long pip,
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
static void notrace dg_hook_mmap_file(unsigned long ip, unsigned long pip,
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
static void notrace dg_hook_file_mprotect(unsigned long ip, unsigned long pip,
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
static void notrace dg_hook_create_user_ns(unsigned long ip, unsigned long pip,
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
static void notrace dg_hook_mem_open(unsigned long ip, unsigned long pip,
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
 * Writes to an overlay file's content, for unchanged.c: overlayfs' own
 * file operations, reached by every write(2), pwrite, writev, io_uring and
 * aio write, sendfile and splice, fallocate, copy_file_range and
 * clone/dedupe into an overlay file, through any mount of it; and its
 * setattr, reached by every truncate (truncate, ftruncate, O_TRUNC). The
 * file or dentry is the overlay one the caller used. Called before the
 * write: a write that then fails still counts. Opens, reads and execs
 * never get here. Installed (lazily, with the others that see writes)
 * only while overlay.ko is loaded; dg_hooks_module() unhooks them when it
 * goes.
 */
static void notrace dg_hook_written(struct ftrace_regs *fregs, unsigned int arg)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct file *file;

	file = (struct file *)regs_get_kernel_argument(regs, arg);
	dg_unchanged_write(file_inode(file));
}

/* ssize_t ovl_write_iter(struct kiocb *iocb, struct iov_iter *iter) */
static void notrace dg_hook_ovl_write_iter(unsigned long ip, unsigned long pip,
					   struct ftrace_ops *ops,
					   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct kiocb *iocb;

	iocb = (struct kiocb *)regs_get_kernel_argument(regs, 0);
	dg_unchanged_write(file_inode(iocb->ki_filp));
}

/* ssize_t ovl_splice_write(struct pipe_inode_info *, struct file *out, ...) */
static void notrace dg_hook_ovl_splice_write(unsigned long ip,
					     unsigned long pip,
					     struct ftrace_ops *ops,
					     struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 1);
}

/* long ovl_fallocate(struct file *file, int mode, loff_t offset, len) */
static void notrace dg_hook_ovl_fallocate(unsigned long ip, unsigned long pip,
					  struct ftrace_ops *ops,
					  struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 0);
}

/*
 * ssize_t ovl_copy_file_range(struct file *in, loff_t, struct file *out, ...)
 * loff_t ovl_remap_file_range(struct file *in, loff_t, struct file *out, ...)
 */
static void notrace dg_hook_ovl_file_out(unsigned long ip, unsigned long pip,
					 struct ftrace_ops *ops,
					 struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 2);
}

/* int ovl_setattr(idmap or user namespace, struct dentry *, struct iattr *) */
static void notrace dg_hook_ovl_setattr(unsigned long ip, unsigned long pip,
					struct ftrace_ops *ops,
					struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct iattr *attr;

	attr = (struct iattr *)regs_get_kernel_argument(regs, 2);
	if (attr->ia_valid & ATTR_SIZE)
		dg_unchanged_write(d_inode((struct dentry *)
					   regs_get_kernel_argument(regs, 1)));
}

/*
 * void security_inode_free(struct inode *inode): every inode's end, called
 * by __destroy_inode() before the filesystem's own destroy_inode (overlayfs
 * drops its upper dentry there). Installed with the write-open hook.
 */
static void notrace dg_hook_inode_free(unsigned long ip, unsigned long pip,
				       struct ftrace_ops *ops,
				       struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	dg_unchanged_inode_free((struct inode *)regs_get_kernel_argument(regs, 0));
}

/*
 * int security_inode_setxattr(idmap or user namespace, struct dentry *dentry,
 *			       const char *name, ...): every setxattr,
 * overlayfs' of the upper file included; rare, unlike opens. Under
 * files = prevent a rootfs file outside writable keeps its xattrs (and on
 * 6.1 its POSIX ACLs, set through here); otherwise a file given
 * capabilities is no longer the image's (unchanged.c). Installed with the
 * write hooks, or once a policy turns files on.
 */
static void notrace dg_hook_setxattr(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *ops,
				     struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct dentry *dentry;
	const char *name;

	dentry = (struct dentry *)regs_get_kernel_argument(regs, 1);
	name = (const char *)regs_get_kernel_argument(regs, 2);
	if (dg_files_xattr(dentry, name)) {
		dg_redirect(regs);
		return;
	}
	dg_unchanged_setxattr(dentry, name);
}

/*
 * int security_inode_removexattr(idmap or user namespace, dentry, name),
 * and from 6.2, where POSIX ACLs left the xattr path,
 * int security_inode_set_acl(idmap, dentry, acl_name, kacl),
 * int security_inode_remove_acl(idmap, dentry, acl_name): files = prevent.
 */
static void notrace dg_hook_xattr(unsigned long ip, unsigned long pip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_files_xattr((struct dentry *)regs_get_kernel_argument(regs, 1),
			   (const char *)regs_get_kernel_argument(regs, 2)))
		dg_redirect(regs);
}

/*
 * int ovl_open(struct inode *inode, struct file *file): overlayfs' open of
 * its regular files (ovl_file_operations' open), called by
 * do_dentry_open() with f_flags and f_mode set, once the LSMs' file_open
 * has said yes, and before overlayfs copies the file up (for a write) or
 * opens the real file. Only opens of overlay files get here. An open for
 * writing of a file already in the upper layer is judged here
 * (files.c); a file still in the lower layer is judged at its copy-up.
 * Denied here, the open fails as if ovl_open() had: nothing opened, no
 * O_TRUNC. A function of overlay.ko: installed once a policy turns files
 * on, again whenever overlay.ko is loaded anew (dg_hooks_module()).
 */
static void notrace dg_hook_ovl_open(unsigned long ip, unsigned long pip,
				     struct ftrace_ops *ops,
				     struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_files_open((struct file *)regs_get_kernel_argument(regs, 1)))
		dg_redirect(regs);
}

/*
 * int security_inode_copy_up(struct dentry *src, struct cred **new): at the
 * start of every copy-up (ovl_do_copy_up()), for a change of content or of
 * metadata (chown, chmod, utimes, setxattr), a rename or a link.
 */
static void notrace dg_hook_copy_up(unsigned long ip, unsigned long pip,
				    struct ftrace_ops *ops,
				    struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct dentry *dentry;

	dentry = (struct dentry *)regs_get_kernel_argument(regs, 0);
	if (d_is_dir(dentry))
		return;
	/* files = prevent: an image file outside writable stays the image's. */
	if (dg_files_change(DRIFTGUARD_HOOK_COPY_UP, dentry, NULL)) {
		dg_redirect(regs);
		return;
	}
	dg_unchanged_copy_up(d_inode(dentry));
	dg_observe(DRIFTGUARD_HOOK_COPY_UP, dentry);
}

/*
 * int security_dentry_create_files_as(struct dentry *dentry, int mode, ...):
 * overlayfs calls it for every new object it creates in the upper layer,
 * on the overlay's dentry, once it knows the name is new. A new file is
 * judged here too (files = prevent): security_inode_create leaves the
 * names open(O_CREAT) has not looked up yet to this hook (see below).
 */
static void notrace dg_hook_create(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct dentry *dentry;

	if (!S_ISREG(regs_get_kernel_argument(regs, 1)))
		return;
	dentry = (struct dentry *)regs_get_kernel_argument(regs, 0);
	if (dg_files_change(DRIFTGUARD_HOOK_CREATE, dentry, NULL)) {
		dg_redirect(regs);
		return;
	}
	dg_observe(DRIFTGUARD_HOOK_CREATE, dentry);
}

/*
 * The changes of a container's rootfs (files.c), each judged on the
 * overlay's dentry before overlayfs repeats it on the upper layer.
 * Installed only once a policy turns files on (dg_hooks_want()): other
 * nodes pay nothing on their file operations.
 */
static void dg_hook_files(struct ftrace_regs *fregs, enum driftguard_hook hook,
			  unsigned int arg, int other)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_files_change(hook,
			    (struct dentry *)regs_get_kernel_argument(regs, arg),
			    other < 0 ? NULL : (struct dentry *)
			    regs_get_kernel_argument(regs, other)))
		dg_redirect(regs);
}

/*
 * int security_inode_create(struct inode *dir, struct dentry *, umode_t).
 * open(O_CREAT) asks it (may_o_create()) before it looks a name up that
 * is not in the dcache: the name may exist, and an error is then ignored
 * and the file opened (an open for writing then copies it up, judged at
 * copy-up). Such a name is left to overlayfs' create, which asks
 * security_dentry_create_files_as (dg_hook_create()) only for a name that
 * is new: a refused open of an existing file is one record, the copy-up,
 * not a "create" of a file that was there.
 */
static void notrace dg_hook_inode_create(unsigned long ip, unsigned long pip,
					 struct ftrace_ops *ops,
					 struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (d_in_lookup((struct dentry *)regs_get_kernel_argument(regs, 1)))
		return;
	dg_hook_files(fregs, DRIFTGUARD_HOOK_CREATE, 1, -1);
}

/* int security_inode_mkdir(struct inode *dir, struct dentry *, umode_t) */
static void notrace dg_hook_inode_mkdir(unsigned long ip, unsigned long pip,
					struct ftrace_ops *ops,
					struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_MKDIR, 1, -1);
}

/* int security_inode_mknod(struct inode *dir, struct dentry *, mode, dev) */
static void notrace dg_hook_inode_mknod(unsigned long ip, unsigned long pip,
					struct ftrace_ops *ops,
					struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_MKNOD, 1, -1);
}

/* int security_inode_symlink(struct inode *dir, struct dentry *, name) */
static void notrace dg_hook_inode_symlink(unsigned long ip, unsigned long pip,
					  struct ftrace_ops *ops,
					  struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_SYMLINK, 1, -1);
}

/*
 * int security_inode_link(struct dentry *old, struct inode *dir,
 *			   struct dentry *new): both names must be writable,
 * or a writable name would alias a file that is not.
 */
static void notrace dg_hook_inode_link(unsigned long ip, unsigned long pip,
				       struct ftrace_ops *ops,
				       struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_LINK, 2, 0);
}

/* int security_inode_unlink(struct inode *dir, struct dentry *dentry) */
static void notrace dg_hook_inode_unlink(unsigned long ip, unsigned long pip,
					 struct ftrace_ops *ops,
					 struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_UNLINK, 1, -1);
}

/* int security_inode_rmdir(struct inode *dir, struct dentry *dentry) */
static void notrace dg_hook_inode_rmdir(unsigned long ip, unsigned long pip,
					struct ftrace_ops *ops,
					struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_RMDIR, 1, -1);
}

/*
 * int security_inode_rename(struct inode *old_dir, struct dentry *old,
 *			     struct inode *new_dir, struct dentry *new, flags)
 */
static void notrace dg_hook_inode_rename(unsigned long ip, unsigned long pip,
					 struct ftrace_ops *ops,
					 struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_RENAME, 1, 3);
}

/* int security_inode_setattr(idmap or user namespace, dentry, iattr) */
static void notrace dg_hook_inode_setattr(unsigned long ip, unsigned long pip,
					  struct ftrace_ops *ops,
					  struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_SETATTR, 1, -1);
}

/*
 * int cgroup_attach_task(struct cgroup *dst, struct task_struct *leader,
 *			  bool threadgroup): not an LSM hook (there is none for
 * cgroup moves), but the one function every write to cgroup.procs or
 * cgroup.threads goes through, on both kernels we support. Called with
 * cgroup_mutex held.
 */
static void notrace dg_hook_cgroup_attach(unsigned long ip, unsigned long pip,
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
static void notrace dg_hook_can_fork(unsigned long ip, unsigned long pip,
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

/*
 * void security_sb_delete(struct super_block *sb): generic_shutdown_super()
 * calls it while a superblock shuts down, before it can be freed.
 */
static void notrace dg_hook_sb_delete(unsigned long ip, unsigned long pip,
				      struct ftrace_ops *ops,
				      struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct super_block *sb;

	sb = (struct super_block *)regs_get_kernel_argument(regs, 0);
	dg_anchor_sb_shutdown(sb);
	dg_unchanged_sb_shutdown(sb);
}

/*
 * int security_socket_listen(struct socket *sock, int backlog),
 * int security_socket_bind(struct socket *sock, struct sockaddr *address,
 *			    int addrlen),
 * int security_socket_connect(struct socket *sock, struct sockaddr *address,
 *			       int addrlen): the address already copied from
 * the caller. Installed once a policy turns listen or connect on: other
 * nodes pay nothing on their sockets.
 */
static void notrace dg_hook_socket_listen(unsigned long ip, unsigned long pip,
					  struct ftrace_ops *ops,
					  struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_listen((struct socket *)regs_get_kernel_argument(regs, 0)))
		dg_redirect(regs);
}

static void notrace dg_hook_socket_bind(unsigned long ip, unsigned long pip,
					struct ftrace_ops *ops,
					struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_bind((struct socket *)regs_get_kernel_argument(regs, 0),
			(struct sockaddr *)regs_get_kernel_argument(regs, 1),
			(int)regs_get_kernel_argument(regs, 2)))
		dg_redirect(regs);
}

static void notrace dg_hook_socket_connect(unsigned long ip, unsigned long pip,
					   struct ftrace_ops *ops,
					   struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (dg_net_connect((struct socket *)regs_get_kernel_argument(regs, 0),
			   (struct sockaddr *)regs_get_kernel_argument(regs, 1),
			   (int)regs_get_kernel_argument(regs, 2)))
		dg_redirect(regs);
}

struct dg_hook {
	const char *target;
	ftrace_func_t handler;
	bool denies;		/* may redirect the call: needs IPMODIFY */
	bool required;		/* without it the module refuses to load */
	const char *lost;	/* what runs degraded without it */
	/*
	 * A hardening key that needs this hook (a DRIFTGUARD_A_* mode
	 * attribute, or 0), and what a policy that turns it on is told when
	 * the hook cannot be had. A lazy hook is installed only then.
	 */
	u16 key;
	bool lazy;
	const char *unavailable;
	/*
	 * Sees writes for unchanged.c: installed (lazily) once a policy
	 * judges class upper or metadata; without all of them no file is
	 * of class metadata (copied-up image files stay upper).
	 */
	bool writes;
	/* A function of overlay.ko: unhooked when that module goes. */
	bool overlay;
	/*
	 * A function of overlay.ko asked for by a key: while overlay.ko is
	 * not loaded a policy is not refused for its absence (lost says what
	 * runs degraded until it comes, and it is hooked then); while
	 * overlay.ko is loaded it is needed like any other.
	 */
	bool optional;
	/*
	 * What a policy that needs a lazy hook is told when another IPMODIFY
	 * ftrace user (a livepatch) holds its function: install -EBUSY.
	 */
	const char *busy;
	struct ftrace_ops ops;
	bool installed;
	/* A policy asked for this optional overlay.ko hook: hook it again. */
	bool wanted;
};

#define DG_HELD ": another ftrace user (a livepatch?) holds it"
#define DG_BUSY(key, fn) key ": " fn " cannot be hooked" DG_HELD
#define DG_OVL_OPEN "files: overlay.ko is loaded but its open (ovl_open) cannot be hooked"

/*
 * sb_delete comes first: no anchor may be recorded while a superblock's
 * shutdown could go unseen.
 */
static struct dg_hook dg_hooks[] = {
	{ "security_sb_delete", dg_hook_sb_delete, false, true,
	  "container rootfs anchors could outlive their filesystem" },
	{ "security_bprm_check", dg_hook_bprm_check, true, true,
	  "program starts are not judged" },
	{ "security_mmap_file", dg_hook_mmap_file, true, true,
	  "executable mappings (ld.so, LD_PRELOAD) are not judged" },
	{ "security_file_mprotect", dg_hook_file_mprotect, true, true,
	  "mprotect(PROT_EXEC) of file mappings is not judged" },
	{ "security_inode_copy_up", dg_hook_copy_up, true, false,
	  "no file-drift events for modified image files" },
	{ "security_dentry_create_files_as", dg_hook_create, true, false,
	  "no file-drift events for created files, nor refusals of open(O_CREAT)" },
	{ "cgroup_attach_task", dg_hook_cgroup_attach, true, false,
	  "a container task may move to a cgroup with a weaker policy" },
	{ "cgroup_can_fork", dg_hook_can_fork, true, false,
	  "a container task may clone3() a child into a cgroup with a weaker policy" },
	{ "security_create_user_ns", dg_hook_create_user_ns, true, false,
	  "userns cannot be enforced", DRIFTGUARD_A_USERNS, false,
	  "userns: this kernel's security_create_user_ns cannot be hooked" },
	{ "mem_open", dg_hook_mem_open, true, false,
	  "procmem cannot be enforced", DRIFTGUARD_A_PROCMEM, true,
	  "procmem: this kernel's /proc/<pid>/mem open (mem_open) cannot be hooked",
	  .busy = DG_BUSY("procmem", "mem_open") },
	{ "security_socket_listen", dg_hook_socket_listen, true, false,
	  "listen cannot be enforced", DRIFTGUARD_A_LISTEN, true,
	  "listen: this kernel's security_socket_listen cannot be hooked",
	  .busy = DG_BUSY("listen", "security_socket_listen") },
	{ "security_socket_bind", dg_hook_socket_bind, true, false,
	  "listen cannot be enforced on UDP binds", DRIFTGUARD_A_LISTEN, true,
	  "listen: this kernel's security_socket_bind cannot be hooked",
	  .busy = DG_BUSY("listen", "security_socket_bind") },
	{ "security_socket_connect", dg_hook_socket_connect, true, false,
	  "connect cannot be enforced", DRIFTGUARD_A_CONNECT, true,
	  "connect: this kernel's security_socket_connect cannot be hooked",
	  .busy = DG_BUSY("connect", "security_socket_connect") },
	{ "ovl_write_iter", dg_hook_ovl_write_iter, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_splice_write", dg_hook_ovl_splice_write, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_fallocate", dg_hook_ovl_fallocate, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_copy_file_range", dg_hook_ovl_file_out, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_remap_file_range", dg_hook_ovl_file_out, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_setattr", dg_hook_ovl_setattr, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "security_inode_free", dg_hook_inode_free, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true },
	{ "security_inode_setxattr", dg_hook_setxattr, true, false,
	  "copied-up image files stay upper", DRIFTGUARD_A_FILES, true,
	  "files: this kernel's security_inode_setxattr cannot be hooked",
	  true, .busy = DG_BUSY("files", "security_inode_setxattr") },
	{ "ovl_open", dg_hook_ovl_open, true, false,
	  "files = prevent does not refuse opens for writing of files already in the upper layer",
	  DRIFTGUARD_A_FILES, true,
	  DG_OVL_OPEN, false, true, true, .busy = DG_OVL_OPEN DG_HELD },
#define DG_FILES_HOOK(fn, handler)					\
	{ fn, handler, true, false, "files cannot be enforced",		\
	  DRIFTGUARD_A_FILES, true,					\
	  "files: this kernel's security_inode_* functions cannot be hooked", \
	  .busy = DG_BUSY("files", "a security_inode_* function") }
	DG_FILES_HOOK("security_inode_create", dg_hook_inode_create),
	DG_FILES_HOOK("security_inode_mkdir", dg_hook_inode_mkdir),
	DG_FILES_HOOK("security_inode_mknod", dg_hook_inode_mknod),
	DG_FILES_HOOK("security_inode_symlink", dg_hook_inode_symlink),
	DG_FILES_HOOK("security_inode_link", dg_hook_inode_link),
	DG_FILES_HOOK("security_inode_unlink", dg_hook_inode_unlink),
	DG_FILES_HOOK("security_inode_rmdir", dg_hook_inode_rmdir),
	DG_FILES_HOOK("security_inode_rename", dg_hook_inode_rename),
	DG_FILES_HOOK("security_inode_setattr", dg_hook_inode_setattr),
	DG_FILES_HOOK("security_inode_removexattr", dg_hook_xattr),
#ifdef DRIFTGUARD_HAS_INODE_SET_ACL
	DG_FILES_HOOK("security_inode_set_acl", dg_hook_xattr),
	DG_FILES_HOOK("security_inode_remove_acl", dg_hook_xattr),
#endif
};

/* Serialises lazy installs with each other and with unload. */
static DEFINE_MUTEX(dg_hooks_mutex);
static bool dg_hooks_closing;
/*
 * overlay.ko is going: from its MODULE_STATE_GOING notification until it
 * comes again. ftrace keeps the dying module's records until
 * ftrace_release_mod(), after the notifiers: a hook installed on one in
 * between would keep its address in our filter for the next module's code.
 */
static bool dg_overlay_going;

/*
 * Drops @hook's filter, once its ops are not registered. ftrace_free_filter()
 * frees the hashes but leaves the ops pointing at them (6.1 and 6.12): the
 * next ftrace_set_filter() would copy a freed hash and free it again. A
 * zeroed ops is initialised afresh by ftrace at the next install; an
 * unregistered (dynamic: module memory) ops is no longer referenced.
 */
static void dg_hook_forget(struct dg_hook *hook)
{
	ftrace_free_filter(&hook->ops);
	memset(&hook->ops, 0, sizeof(hook->ops));
}

static int dg_hook_install(struct dg_hook *hook)
{
	char name[KSYM_NAME_LEN];
	int err;

	/*
	 * PERMANENT: ftrace cannot be switched off (sysctl ftrace_enabled)
	 * under our feet. IPMODIFY is exclusive: a livepatch of the same
	 * function makes registration fail loudly with -EBUSY. No SAVE_REGS:
	 * the arguments and the ip are all a handler reads or sets, and the
	 * trampoline that saves only those costs an exec about 30
	 * instructions less than one that saves every register (compat.h).
	 */
	hook->ops.func = hook->handler;
	hook->ops.flags = FTRACE_OPS_FL_PERMANENT;
	if (hook->denies)
		hook->ops.flags |= FTRACE_OPS_FL_IPMODIFY;
	strscpy(name, hook->target, sizeof(name));
	err = ftrace_set_filter(&hook->ops, name, strlen(name), 1);
	if (err)
		return err;
	err = register_ftrace_function(&hook->ops);
	if (err) {
		dg_hook_forget(hook);
		return err;
	}
	hook->installed = true;
	return 0;
}

/*
 * Is overlay.ko loaded, as far as ftrace knows? find_module() is not
 * exported (5.12 on) and request_module() would load it: instead, does
 * ftrace have a record of ovl_lookup, overlay.ko's lookup (an inode
 * operation: never inlined, traced, in every supported kernel)? A scratch
 * ops is given it as its filter and dropped at once, never registered.
 * ftrace_set_filter() matches only enabled records (6.1 and 6.12): a
 * module still loading, not yet enabled, is not loaded yet, and the
 * notifier below sees it come. Called with dg_hooks_mutex held, which
 * also serialises the scratch ops.
 */
static bool dg_hooks_overlay_loaded(void)
{
	static struct ftrace_ops probe;
	char name[] = "ovl_lookup";
	bool loaded;

	if (dg_overlay_going)
		return false;
	loaded = !ftrace_set_filter(&probe, name, strlen(name), 1);
	/* As dg_hook_forget(): the freed hashes must not be reused. */
	ftrace_free_filter(&probe);
	memset(&probe, 0, sizeof(probe));
	return loaded;
}

static void dg_hook_uninstall(struct dg_hook *hook)
{
	if (!hook->installed)
		return;
	unregister_ftrace_function(&hook->ops);
	dg_hook_forget(hook);
	hook->installed = false;
}

static void dg_hooks_rollback(int count)
{
	while (count-- > 0)
		dg_hook_uninstall(&dg_hooks[count]);
	/*
	 * A task may have been sent to dg_deny(), or preempted inside a
	 * handler, just before its hook went away: wait until every task has
	 * passed a voluntary schedule, so no code of ours is still running.
	 */
	synchronize_rcu_tasks();
}

/*
 * overlay.ko going away: ftrace would keep our filter on its functions'
 * addresses (another module's code may land there), so unhook them now,
 * before ftrace_release_mod(). Until they are hooked again (the next
 * policy that asks, dg_hooks_want()) nothing is METADATA, and full copies
 * made before are not trusted again: writes through a new overlay.ko
 * could go unseen in between. An optional hook a policy asked for
 * (ovl_open) goes back in as soon as overlay.ko comes again.
 */
static int dg_hooks_module(struct notifier_block *nb, unsigned long state,
			   void *data)
{
	struct module *mod = data;
	struct dg_hook *hook;

	if (strcmp(mod->name, "overlay"))
		return NOTIFY_DONE;
	mutex_lock(&dg_hooks_mutex);
	if (state == MODULE_STATE_COMING)
		dg_overlay_going = false;
	if (state == MODULE_STATE_GOING) {
		dg_overlay_going = true;
		dg_unchanged_stop();
		for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks);
		     hook++)
			if (hook->overlay)
				dg_hook_uninstall(hook);
	} else if (state == MODULE_STATE_COMING && !dg_hooks_closing) {
		/*
		 * ftrace knows the new module's functions by now
		 * (ftrace_module_enable() runs before this notifier), and
		 * nothing of it has run yet: an optional hook a policy asked
		 * for misses no call.
		 */
		for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks);
		     hook++) {
			int err;

			if (!hook->overlay || !hook->wanted || hook->installed)
				continue;
			err = dg_hook_install(hook);
			if (err)
				pr_warn("cannot hook %s (%d) as overlay loads: %s\n",
					hook->target, err, hook->lost);
			else
				pr_info("hooked %s: overlay loaded\n",
					hook->target);
		}
	}
	mutex_unlock(&dg_hooks_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block dg_hooks_module_nb = {
	.notifier_call = dg_hooks_module,
};

int dg_hooks_init(void)
{
	int i, err;

	err = register_module_notifier(&dg_hooks_module_nb);
	if (err)
		return err;

	for (i = 0; i < ARRAY_SIZE(dg_hooks); i++) {
		if (dg_hooks[i].lazy)
			continue;
		err = dg_hook_install(&dg_hooks[i]);
		if (!err)
			continue;
		if (dg_hooks[i].required) {
			pr_err("cannot hook %s (%d): %s; not loading\n",
			       dg_hooks[i].target, err, dg_hooks[i].lost);
			dg_hooks_rollback(i);
			unregister_module_notifier(&dg_hooks_module_nb);
			return err;
		}
		pr_warn("cannot hook %s (%d): %s\n", dg_hooks[i].target, err,
			dg_hooks[i].lost);
	}
	return 0;
}

/* The value of mode attribute @attr in @pol. */
static u8 dg_policy_mode(const struct dg_policy *pol, u16 attr)
{
	int i;

	for (i = 0; i < DG_MODE_FIELDS; i++)
		if (dg_mode_fields[i].attr == attr)
			return dg_mode_get(pol, &dg_mode_fields[i]);
	return DRIFTGUARD_MODE_OFF;
}

int dg_hooks_want(const struct dg_policy *pol, const char **why)
{
	bool writes = pol->mode || pol->metadata, all = true;
	struct dg_hook *hook;
	int err = 0;

	mutex_lock(&dg_hooks_mutex);
	for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks); hook++) {
		bool asked = hook->key && dg_policy_mode(pol, hook->key);
		bool wanted = hook->wanted;
		int ierr = 0;	/* not tried now (installed at load, or not) */

		if (asked && hook->optional)
			hook->wanted = true;
		if (hook->installed || (!asked && !(writes && hook->writes)))
			continue;
		if (hook->lazy && !dg_hooks_closing &&
		    !(hook->overlay && dg_overlay_going)) {
			ierr = dg_hook_install(hook);
			if (!ierr) {
				pr_info("hooked %s: a policy asks for it\n",
					hook->target);
				continue;
			}
		}
		/*
		 * An optional hook of overlay.ko is hooked when overlay.ko
		 * comes, if it is not loaded yet. Loaded, it is not optional:
		 * the policy would silently do less than it says.
		 */
		if (asked && hook->optional && !dg_hooks_overlay_loaded()) {
			pr_warn_ratelimited("cannot hook %s now: until it is, %s\n",
					    hook->target, hook->lost);
			continue;
		}
		if (!asked) {
			pr_warn_once("cannot hook %s: %s\n", hook->target,
				     hook->lost);
			all = false;
			continue;
		}
		hook->wanted = wanted;
		pr_warn_ratelimited("cannot hook %s (%d): refusing a policy that needs it\n",
				    hook->target, ierr);
		*why = ierr == -EBUSY && hook->busy ? hook->busy :
						      hook->unavailable;
		err = -EOPNOTSUPP;
		break;
	}
	/* Copy-ups are remembered only once every write is seen. */
	for (hook = dg_hooks; writes && all && hook < dg_hooks + ARRAY_SIZE(dg_hooks);
	     hook++)
		if (hook->writes && !hook->installed)
			all = false;
	if (writes && all)
		dg_unchanged_start();
	mutex_unlock(&dg_hooks_mutex);
	return err;
}

void dg_hooks_exit(void)
{
	unregister_module_notifier(&dg_hooks_module_nb);
	mutex_lock(&dg_hooks_mutex);
	dg_hooks_closing = true;
	mutex_unlock(&dg_hooks_mutex);
	dg_hooks_rollback(ARRAY_SIZE(dg_hooks));
}
