// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: reading overlayfs' private inode (upper, lower, data flag).
 *
 * overlayfs keeps struct ovl_inode and struct ovl_entry to itself. The build
 * reads where their members are from the target kernel's overlay.ko BTF
 * (ovl-layout.c, probe.sh) and compat.h refuses a layout it cannot use;
 * what is read here is checked again against what a lower layer must look
 * like, and anything unexpected reads as "no lower file", which callers
 * treat as drift (fail closed).
 */
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/string.h>

#include "ovl.h"

/* overlayfs' struct ovl_path and the head of struct ovl_layer. */
struct dg_ovl_path {
	const struct vfsmount *const *layer;	/* ovl_layer, mnt first */
	struct dentry *dentry;
};

#ifndef DRIFTGUARD_HAS_OVL_LOWERPATH
/* overlayfs' struct ovl_entry (6.5 and later). */
struct dg_ovl_entry {
	unsigned int numlower;
	struct dg_ovl_path stack[];
};
#endif

struct dentry *dg_ovl_lower(struct inode *inode, struct dentry **root)
{
	const struct dg_ovl_path *lp;
	const struct vfsmount *mnt;
	struct dentry *lower;
#ifdef DRIFTGUARD_HAS_OVL_LOWERPATH
	lp = DG_OVL_FIELD(inode, DRIFTGUARD_OVL_LOWER_OFFSET,
			  const struct dg_ovl_path *);
#else
	const struct dg_ovl_entry *oe;

	oe = READ_ONCE(*DG_OVL_FIELD(inode, DRIFTGUARD_OVL_LOWER_OFFSET,
				     const struct dg_ovl_entry **));
	if (!oe || !READ_ONCE(oe->numlower))
		return NULL;
	lp = &oe->stack[0];
#endif
	lower = READ_ONCE(lp->dentry);
	if (!lower || !lp->layer)
		return NULL;
	mnt = READ_ONCE(*lp->layer);
	if (unlikely(!virt_addr_valid(lower) || !mnt ||
		     lower->d_sb != mnt->mnt_sb || lower->d_sb == inode->i_sb)) {
		pr_err_once("unexpected overlayfs lower layer: treating copied-up files as drift\n");
		return NULL;
	}
	*root = mnt->mnt_root;
	return lower;
}

/* Have @a and @b the same name? Names are read under their d_lock. */
static bool dg_same_name(struct dentry *a, struct dentry *b)
{
	struct name_snapshot na, nb;
	bool same;

	take_dentry_name_snapshot(&na, a);
	take_dentry_name_snapshot(&nb, b);
	same = na.name.len == nb.name.len &&
	       !memcmp(na.name.name, nb.name.name, na.name.len);
	release_dentry_name_snapshot(&nb);
	release_dentry_name_snapshot(&na);
	return same;
}

bool dg_ovl_same_place(struct dentry *d, struct dentry *l,
		       const struct dentry *root)
{
	int depth;

	for (depth = 0; depth < 256; depth++) {
		bool top = d == d->d_sb->s_root;

		if (l == root || IS_ROOT(l))
			return top && l == root;
		if (top || IS_ROOT(d) || !dg_same_name(d, l))
			return false;
		d = READ_ONCE(d->d_parent);
		l = READ_ONCE(l->d_parent);
	}
	return false;
}
