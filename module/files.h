/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: an immutable container rootfs (files = prevent). */
#ifndef DRIFTGUARD_FILES_H
#define DRIFTGUARD_FILES_H

#include <linux/dcache.h>
#include <linux/fs.h>
#include <net/netlink.h>
#include <linux/driftguard.h>

#include "policy.h"

/*
 * Decides a change of the container's rootfs by the current task: @hook
 * says which (CREATE, MKDIR, ..., COPY_UP), @dentry is the overlay dentry
 * changed (negative for a new name) and @other, for RENAME and LINK, the
 * second name. Under files = prevent a change outside the policy's
 * writable prefixes is refused; under detect or prevent a deletion is
 * reported. Anything but the overlay a container's anchor names (volumes,
 * the host, other filesystems) is left alone after one comparison.
 *
 * Return: 0 to allow, -EPERM to deny. Never sleeps.
 */
int dg_files_change(enum driftguard_hook hook, struct dentry *dentry,
		    struct dentry *other);

/*
 * An open of an overlay file (overlayfs' own open, before it copies the
 * file up): an open that writes (write access, O_TRUNC) a regular file
 * already in the upper layer is a change like the others, hook
 * OPEN_WRITE, reported under detect too. A file still in the lower layer
 * is left to its copy-up, so it is judged once. Return: 0 or -EPERM.
 */
int dg_files_open(struct file *file);

/*
 * setxattr or removexattr of @name on @dentry: hook ACL for a POSIX ACL
 * (system.posix_acl_*: 6.1 sets ACLs this way), SETXATTR otherwise.
 * Return: 0 or -EPERM.
 */
int dg_files_xattr(struct dentry *dentry, const char *name);

/* Is @path (in the rootfs) under one of @list's prefixes? */
bool dg_files_under(const struct dg_list *list, const char *path);

/*
 * The class of file drift at @path (in the rootfs; NULL: unknown):
 * PACKAGE in a package manager's tree (package.h), else CONFIG under one
 * of @pol's config prefixes, else @class (MODIFIED, CREATED, DELETED).
 */
u8 dg_files_path_class(const struct dg_policy *pol, const char *path, u8 class);

/* Checks a WRITABLE or CONFIG nest beyond dg_list_check(). */
int dg_files_prefixes_check(const struct nlattr *list,
			    struct netlink_ext_ack *extack);

#endif /* DRIFTGUARD_FILES_H */
