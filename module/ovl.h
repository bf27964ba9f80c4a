/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: reading overlayfs' private inode (upper, lower, data flag). */
#ifndef DRIFTGUARD_OVL_H
#define DRIFTGUARD_OVL_H

#include <linux/bitops.h>
#include <linux/dcache.h>
#include <linux/fs.h>

#include "compat.h"

/*
 * A member of the struct ovl_inode that embeds the VFS inode @inode, at
 * byte @offset of struct ovl_inode as the build read it from overlay.ko's
 * BTF (ovl-layout.c, probe.sh); compat.h refuses a layout it cannot use.
 */
#define DG_OVL_FIELD(inode, offset, type)				\
	((type)((char *)(inode) - DRIFTGUARD_OVL_INODE_OFFSET + (offset)))

/* The real upper inode of the overlay inode @inode, NULL before copy-up. */
static inline struct inode *dg_ovl_upper_inode(struct inode *inode)
{
	struct dentry *upper;

	upper = READ_ONCE(*DG_OVL_FIELD(inode, DRIFTGUARD_OVL_UPPER_OFFSET,
					struct dentry **));
	return upper ? d_inode(upper) : NULL;
}

/*
 * Has the overlay inode @inode its own data in the upper layer? Clear for a
 * metacopy whose data is still the lower's (OVL_UPPERDATA, set by
 * ovl_copy_up_meta_inode_data() when the first write-open copies it up).
 */
static inline bool dg_ovl_upperdata(struct inode *inode)
{
	return test_bit(DRIFTGUARD_OVL_UPPERDATA,
			DG_OVL_FIELD(inode, DRIFTGUARD_OVL_FLAGS_OFFSET,
				     unsigned long *));
}

/*
 * The top lower dentry of the overlay inode @inode and, in *@root, the root
 * of its layer; NULL when it has none or it does not look like one. Never
 * sleeps; the caller is in an RCU read-side section.
 */
struct dentry *dg_ovl_lower(struct inode *inode, struct dentry **root);

/*
 * Is the overlay dentry @d at the same path in its overlay as the lower
 * dentry @l under @root, its layer's root? A rename racing with the walk
 * can only make it differ. Never sleeps; the caller is in an RCU read-side
 * section (dentries are freed after a grace period).
 */
bool dg_ovl_same_place(struct dentry *d, struct dentry *l,
		       const struct dentry *root);

#endif /* DRIFTGUARD_OVL_H */
