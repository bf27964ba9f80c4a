// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the hooks on a container's rootfs files (overlay.ko's writes,
 * copy-up, creation, the inode changes, xattrs and ACLs, ovl_open) and on a
 * superblock's end: adapters for files.c, unchanged.c and anchor.c, in the
 * hook table (hooks.c).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/ftrace.h>

#include "anchor.h"
#include "compat.h"
#include "decide.h"
#include "files.h"
#include "hooks-handlers.h"
#include "unchanged.h"

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
void notrace dg_hook_ovl_write_iter(unsigned long ip, unsigned long pip,
				    struct ftrace_ops *ops,
				    struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct kiocb *iocb;

	iocb = (struct kiocb *)regs_get_kernel_argument(regs, 0);
	dg_unchanged_write(file_inode(iocb->ki_filp));
}

/* ssize_t ovl_splice_write(struct pipe_inode_info *, struct file *out, ...) */
void notrace dg_hook_ovl_splice_write(unsigned long ip,
				      unsigned long pip,
				      struct ftrace_ops *ops,
				      struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 1);
}

/* long ovl_fallocate(struct file *file, int mode, loff_t offset, len) */
void notrace dg_hook_ovl_fallocate(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 0);
}

/*
 * ssize_t ovl_copy_file_range(struct file *in, loff_t, struct file *out, ...)
 * loff_t ovl_remap_file_range(struct file *in, loff_t, struct file *out, ...)
 */
void notrace dg_hook_ovl_file_out(unsigned long ip, unsigned long pip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	dg_hook_written(fregs, 2);
}

/* int ovl_setattr(idmap or user namespace, struct dentry *, struct iattr *) */
void notrace dg_hook_ovl_setattr(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_inode_free(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_setxattr(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_xattr(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_ovl_open(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_copy_up(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_create(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_inode_create(unsigned long ip, unsigned long pip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);

	if (d_in_lookup((struct dentry *)regs_get_kernel_argument(regs, 1)))
		return;
	dg_hook_files(fregs, DRIFTGUARD_HOOK_CREATE, 1, -1);
}

/* int security_inode_mkdir(struct inode *dir, struct dentry *, umode_t) */
void notrace dg_hook_inode_mkdir(unsigned long ip, unsigned long pip,
				 struct ftrace_ops *ops,
				 struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_MKDIR, 1, -1);
}

/* int security_inode_mknod(struct inode *dir, struct dentry *, mode, dev) */
void notrace dg_hook_inode_mknod(unsigned long ip, unsigned long pip,
				 struct ftrace_ops *ops,
				 struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_MKNOD, 1, -1);
}

/* int security_inode_symlink(struct inode *dir, struct dentry *, name) */
void notrace dg_hook_inode_symlink(unsigned long ip, unsigned long pip,
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
void notrace dg_hook_inode_link(unsigned long ip, unsigned long pip,
				struct ftrace_ops *ops,
				struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_LINK, 2, 0);
}

/* int security_inode_unlink(struct inode *dir, struct dentry *dentry) */
void notrace dg_hook_inode_unlink(unsigned long ip, unsigned long pip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_UNLINK, 1, -1);
}

/* int security_inode_rmdir(struct inode *dir, struct dentry *dentry) */
void notrace dg_hook_inode_rmdir(unsigned long ip, unsigned long pip,
				 struct ftrace_ops *ops,
				 struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_RMDIR, 1, -1);
}

/*
 * int security_inode_rename(struct inode *old_dir, struct dentry *old,
 *			     struct inode *new_dir, struct dentry *new, flags)
 */
void notrace dg_hook_inode_rename(unsigned long ip, unsigned long pip,
				  struct ftrace_ops *ops,
				  struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_RENAME, 1, 3);
}

/* int security_inode_setattr(idmap or user namespace, dentry, iattr) */
void notrace dg_hook_inode_setattr(unsigned long ip, unsigned long pip,
				   struct ftrace_ops *ops,
				   struct ftrace_regs *fregs)
{
	dg_hook_files(fregs, DRIFTGUARD_HOOK_SETATTR, 1, -1);
}

/*
 * void security_sb_delete(struct super_block *sb): generic_shutdown_super()
 * calls it while a superblock shuts down, before it can be freed.
 */
void notrace dg_hook_sb_delete(unsigned long ip, unsigned long pip,
			       struct ftrace_ops *ops,
			       struct ftrace_regs *fregs)
{
	struct pt_regs *regs = dg_regs(fregs);
	struct super_block *sb;

	sb = (struct super_block *)regs_get_kernel_argument(regs, 0);
	dg_anchor_sb_shutdown(sb);
	dg_unchanged_sb_shutdown(sb);
}
