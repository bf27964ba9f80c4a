/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: where a file comes from (image, upper layer, memfd, volume). */
#ifndef DRIFTGUARD_LAYER_H
#define DRIFTGUARD_LAYER_H

#include <linux/path.h>
#include <linux/driftguard.h>

#define DG_CLASS_BIT(c)	(1U << (c))

/*
 * Every drift class that applies to the file at @path, as a mask of
 * DG_CLASS_BIT()s, for a task whose root directory is on @root, or for a
 * host task when @root is NULL (memfd and volume are not judged then).
 * 0 for a file of the image. A file can be drift of several kinds at once
 * (an upper-layer file reached through a second mount is also off the
 * task's root): the caller applies the strictest mode of them all, so no
 * view of a file can make it weaker than it is. Never sleeps.
 */
unsigned int dg_layer_classes(const struct path *path,
			      const struct vfsmount *root);

#endif /* DRIFTGUARD_LAYER_H */
