/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: where a file comes from (image, upper layer, memfd, volume). */
#ifndef DRIFTGUARD_LAYER_H
#define DRIFTGUARD_LAYER_H

#include <linux/dcache.h>
#include <linux/path.h>
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
 * Never sleeps.
 */
unsigned int dg_layer_classes(const struct path *path,
			      const struct dg_view *view);

/*
 * Has the overlayfs inode @inode an upper-layer copy? True also when its
 * upper pointer cannot be read (fail closed). Never sleeps.
 */
bool dg_layer_ovl_upper(struct inode *inode);

/* Is @path's file on the container's anchored rootfs? */
static inline bool dg_layer_on_anchor(const struct path *path,
				      const struct dg_view *view)
{
	return view->anchor && path->dentry->d_sb == view->anchor;
}

#endif /* DRIFTGUARD_LAYER_H */
