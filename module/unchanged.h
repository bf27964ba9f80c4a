/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: image files copied up for a metadata change, content unchanged. */
#ifndef DRIFTGUARD_UNCHANGED_H
#define DRIFTGUARD_UNCHANGED_H

#include <linux/fs.h>
#include <linux/path.h>

/*
 * Is the overlay file at @path (inode @inode, upper dentry @upper) an
 * image file copied up for a change of metadata only, whose content the
 * module knows to be the image's? False whenever it cannot be sure.
 * Called in an RCU read-side section with preemption disabled; never sleeps.
 */
bool dg_unchanged(const struct path *path, struct inode *inode,
		  struct dentry *upper);

/* Hook adapters' entry points (hooks-files.c, hooks-exec.c). Never sleep. */
void dg_unchanged_copy_up(struct inode *inode);
void dg_unchanged_write(struct inode *inode);
void dg_unchanged_inode_free(struct inode *inode);
void dg_unchanged_setxattr(struct dentry *dentry, const char *name);
void dg_unchanged_sb_shutdown(const struct super_block *sb);

/* Every hook that sees writes is installed: start remembering copy-ups. */
void dg_unchanged_start(void);
/* overlay.ko went: nothing is METADATA until started again. */
void dg_unchanged_stop(void);
/* Called once the hooks are gone. */
void dg_unchanged_exit(void);

#endif /* DRIFTGUARD_UNCHANGED_H */
