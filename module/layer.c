// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: where a file comes from (image, upper layer, memfd, volume).
 *
 * The answer is read from the file itself each time, never remembered, so
 * files written before the module was loaded, after caches were dropped or
 * before a container restart are judged the same way.
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/user_namespace.h>

#include "layer.h"
#include "unchanged.h"

/*
 * overlayfs keeps its inode private, but in every kernel we support
 * struct ovl_inode embeds the VFS inode immediately followed by
 * "struct dentry *__upperdentry", set (with WRITE_ONCE) once the file has
 * an upper-layer copy: created, copied up for a write, chmod, rename or
 * link. Anything there that does not look like an upper dentry is treated
 * as upper: an unreadable layout must not let drift through.
 *
 * Which class: UPPER, or METADATA for an image file copied up for a change
 * of metadata only whose content is known unchanged (unchanged.c). Only
 * files with an upper dentry get that far: an image file costs nothing more.
 */
/* @inode's upper dentry, or NULL; ERR_PTR(-EIO) when it cannot be read. */
static struct dentry *dg_ovl_upper(struct inode *inode)
{
	struct dentry *upper;

	upper = READ_ONCE(*(struct dentry **)((char *)inode + sizeof(*inode)));
	if (!upper)
		return NULL;
	if (unlikely(!virt_addr_valid(upper) || upper->d_sb == inode->i_sb ||
		     upper->d_sb->s_magic == OVERLAYFS_SUPER_MAGIC)) {
		pr_err_once("unexpected overlayfs inode layout: treating files with an upper pointer as drift\n");
		return ERR_PTR(-EIO);
	}
	return upper;
}

bool dg_layer_ovl_upper(struct inode *inode)
{
	return dg_ovl_upper(inode);
}

static unsigned int dg_ovl_upper_class(const struct path *path,
				       struct inode *inode)
{
	struct dentry *upper = dg_ovl_upper(inode);

	if (!upper)
		return 0;
	if (IS_ERR(upper))
		return DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
	if (dg_unchanged(path, inode, upper))
		return DG_CLASS_BIT(DRIFTGUARD_CLASS_METADATA);
	return DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
}

unsigned int dg_layer_classes(const struct path *path,
			      const struct dg_view *view)
{
	struct inode *inode = d_inode(path->dentry);
	struct super_block *sb = inode->i_sb;
	bool ovl = sb->s_magic == OVERLAYFS_SUPER_MAGIC;
	unsigned int classes = 0;

	/* Upper through any mount of the overlay: never hidden by a view. */
	if (ovl)
		classes |= dg_ovl_upper_class(path, inode);
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
