/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: where a file comes from (image, upper layer, memfd, volume). */
#ifndef DRIFTGUARD_LAYER_H
#define DRIFTGUARD_LAYER_H

#include <linux/path.h>
#include <linux/driftguard.h>

/*
 * The drift class of the file at @path for a task whose root directory is
 * on @root, or for a host task when @root is NULL (memfd and volume are not
 * judged then): DRIFTGUARD_CLASS_NONE for a file of the image. Never sleeps.
 */
enum driftguard_class dg_layer_class(const struct path *path,
				     const struct vfsmount *root);

#endif /* DRIFTGUARD_LAYER_H */
