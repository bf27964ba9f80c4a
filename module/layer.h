/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: where a file comes from (image, upper layer, memfd, volume). */
#ifndef DRIFTGUARD_LAYER_H
#define DRIFTGUARD_LAYER_H

#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/path.h>
#include <linux/user_namespace.h>
#include <linux/driftguard.h>

#define DG_CLASS_BIT(c)	(1U << (c))

/* Where a task stands, as far as judging its files goes. */
struct dg_view {
	/* The task's root mount; NULL for a host task. */
	const struct vfsmount *root;
	/*
	 * The container's rootfs (anchor.c), NULL before it is known. Only
	 * compared, never dereferenced.
	 */
	const struct super_block *anchor;
	/* A container whose rootfs could not be recorded: fail closed. */
	bool unknown;
};

/*
 * overlayfs' private "struct dentry *__upperdentry" of @inode, an overlay
 * inode: the pointer right after the VFS inode (layer.c, compat.h), NULL
 * while the file has no upper-layer copy.
 */
static inline struct dentry *dg_layer_ovl_upper(struct inode *inode)
{
	return READ_ONCE(*(struct dentry **)((char *)inode + sizeof(*inode)));
}

/* The class of an overlay file with the upper dentry @upper (layer.c). */
unsigned int dg_layer_upper_class(const struct path *path, struct inode *inode,
				  struct dentry *upper);

/*
 * Every drift class that applies to the file at @path for a task that
 * stands at @view, as a mask of DG_CLASS_BIT()s; 0 for a file of the
 * image. A file can be drift of several kinds at once (an upper-layer file
 * reached through a second mount): the caller applies the strictest mode of
 * them all, so no view of a file can make it weaker than it is.
 *
 * A file of the upper layer is class METADATA instead of UPPER when it is
 * an image file copied up for a metadata change only (unchanged.c).
 * A host task (no root) is judged on the upper layer only. A container task
 * with an anchor: a file of the anchor is image or upper; any other overlay,
 * and any filesystem mounted inside a user namespace (by the container
 * itself), is drift of the upper class; any other filesystem is a volume.
 * Before the anchor is known (the runtime setting the container up), files
 * off the task's root mount are volumes, as they always were.
 * Never sleeps. Inline: every exec and executable mapping asks it, and an
 * image file needs no call.
 */
static inline unsigned int dg_layer_classes(const struct path *path,
					    const struct dg_view *view)
{
	struct inode *inode = d_inode(path->dentry);
	struct super_block *sb = inode->i_sb;
	bool ovl = sb->s_magic == OVERLAYFS_SUPER_MAGIC;
	unsigned int classes = 0;
	struct dentry *upper;

	/* Upper through any mount of the overlay: never hidden by a view. */
	if (ovl) {
		upper = dg_layer_ovl_upper(inode);
		if (upper)
			classes = dg_layer_upper_class(path, inode, upper);
	}
	if (!view->root)
		return classes;
	/*
	 * Fileless: memfds and other kernel-internal files live on internal
	 * mounts; O_TMPFILE and deleted files have no name left.
	 */
	if (path->mnt->mnt_flags & MNT_INTERNAL)
		return classes | DG_CLASS_BIT(DRIFTGUARD_CLASS_MEMFD);
	if (!inode->i_nlink || d_unlinked(path->dentry))
		classes |= DG_CLASS_BIT(DRIFTGUARD_CLASS_MEMFD);
	if (view->anchor) {
		if (sb == view->anchor)
			return classes;
		/*
		 * Not the image. What the container mounted itself (in a user
		 * namespace: tmpfs, an overlay of dropped files, FUSE) and any
		 * other overlay (another container's rootfs through /proc/<pid>/
		 * root, a nested one) is drift like the upper layer; what the
		 * runtime mounted for it (bind mounts, emptyDir, /dev/shm) is a
		 * volume.
		 */
		if (ovl || sb->s_user_ns != &init_user_ns)
			return classes | DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
		return classes | DG_CLASS_BIT(DRIFTGUARD_CLASS_VOLUME);
	}
	if (view->unknown)
		return classes | DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
	/* Before the anchor: a bind mount, tmpfs or other volume. */
	if (path->mnt != view->root)
		classes |= DG_CLASS_BIT(DRIFTGUARD_CLASS_VOLUME);
	return classes;
}

/* Is @path's file on the container's anchored rootfs? */
static inline bool dg_layer_on_anchor(const struct path *path,
				      const struct dg_view *view)
{
	return view->anchor && path->dentry->d_sb == view->anchor;
}

#endif /* DRIFTGUARD_LAYER_H */
