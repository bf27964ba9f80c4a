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
 * link (dg_layer_ovl_upper() reads it). Anything there that does not look
 * like an upper dentry is treated as upper: an unreadable layout must not
 * let drift through.
 *
 * Which class: UPPER, or METADATA for an image file copied up for a change
 * of metadata only whose content is known unchanged (unchanged.c). Only
 * files with an upper dentry get here: an image file costs nothing more.
 */
unsigned int dg_layer_upper_class(const struct path *path, struct inode *inode,
				  struct dentry *upper)
{
	if (unlikely(!virt_addr_valid(upper) || upper->d_sb == inode->i_sb ||
		     upper->d_sb->s_magic == OVERLAYFS_SUPER_MAGIC)) {
		pr_err_once("unexpected overlayfs inode layout: treating files with an upper pointer as drift\n");
		return DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
	}
	if (dg_unchanged(path, inode, upper))
		return DG_CLASS_BIT(DRIFTGUARD_CLASS_METADATA);
	return DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER);
}
