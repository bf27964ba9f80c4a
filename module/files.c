// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: an immutable container rootfs (files = prevent), deletions
 * as file drift, the config prefixes and the package managers' trees.
 *
 * The VFS asks the security hooks about a change (create, mkdir, unlink,
 * rename, setattr, ...) on the overlay's own dentry, with the caller as
 * current, before overlayfs runs: overlayfs then repeats the operation on
 * its upper layer, whose dentries are on another superblock and are not
 * ours to judge. One exception: open(O_CREAT) asks about a create before
 * it has looked the name up (the file may exist, and is then opened and
 * copied up instead); such a create is judged when overlayfs creates
 * the file (security_dentry_create_files_as, hooks-files.c), once the name is
 * known to be new, so a refused open of an image file is one record.
 * A change is the container's when its superblock is the anchor
 * (anchor.c) of the task's container: the overlay the runtime gave it,
 * wherever it is mounted. Volumes, the host and every other filesystem
 * are left alone after one comparison of the superblock's magic. Before
 * a container's first exec there is no anchor: the runtime setting the
 * rootfs up (mount points, /etc/hosts) is never judged. A container
 * already running when the first policy appears is anchored then
 * (anchor.c), exec or not.
 */
#include <linux/fs.h>
#include <linux/magic.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/xattr.h>

#include "anchor.h"
#include "decide.h"
#include "events.h"
#include "files.h"
#include "layer.h"
#include "package.h"
#include "stats.h"
#include "verdict.h"

bool dg_files_under(const struct dg_list *list, const char *path)
{
	u16 i;

	for (i = 0; i < list->n; i++) {
		const struct dg_pattern *p = &list->e[i];

		if (p->len == 1 ||
		    (!strncmp(path, p->str, p->len) &&
		     (path[p->len] == '/' || !path[p->len])))
			return true;
	}
	return false;
}

int dg_files_prefixes_check(const struct nlattr *list,
			    struct netlink_ext_ack *extack)
{
	const struct nlattr *e;
	const char *s;
	size_t len;
	int rem, n = 0;

	nla_for_each_nested(e, list, rem) {
		s = nla_data(e);
		len = strlen(s);
		if (s[0] != '/') {
			NL_SET_ERR_MSG_ATTR(extack, e,
					    "writable and config entries must be absolute paths");
			return -EINVAL;
		}
		if (len > 1 && s[len - 1] == '/') {
			NL_SET_ERR_MSG_ATTR(extack, e,
					    "writable and config entries must not end in '/'");
			return -EINVAL;
		}
		if (++n > DRIFTGUARD_PREFIX_LIST_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, list,
					    "too many writable or config entries (at most "
					    __stringify(DRIFTGUARD_PREFIX_LIST_MAX) ")");
			return -E2BIG;
		}
	}
	return 0;
}

static bool dg_files_deletion(enum driftguard_hook hook)
{
	return hook == DRIFTGUARD_HOOK_UNLINK || hook == DRIFTGUARD_HOOK_RMDIR;
}

/*
 * Is a change by @hook outside writable reported under files = detect?
 * Deletions, and opens for writing of upper-layer files: a change of an
 * image file is reported once, at its copy-up (decide.c), but a file
 * already in the upper layer is copied up no more, so its open for
 * writing is the one point that sees its content change. Metadata
 * changes of upper files (setattr, setxattr, acl) are not reported.
 */
static bool dg_files_detected(enum driftguard_hook hook)
{
	return dg_files_deletion(hook) || hook == DRIFTGUARD_HOOK_OPEN_WRITE;
}

u8 dg_files_path_class(const struct dg_policy *pol, const char *path, u8 class)
{
	if (!path)
		return class;
	if (dg_package_manager(path) != DG_MANAGER_NONE)
		return DRIFTGUARD_CLASS_PACKAGE;
	if (dg_files_under(&pol->config, path))
		return DRIFTGUARD_CLASS_CONFIG;
	return class;
}

/*
 * Does @hook change the content or the metadata of its file, which every
 * name of the file then shows? Not a deletion, a rename or a new name:
 * those change a directory.
 */
static bool dg_files_changes_file(enum driftguard_hook hook)
{
	return hook == DRIFTGUARD_HOOK_OPEN_WRITE ||
	       hook == DRIFTGUARD_HOOK_SETATTR ||
	       hook == DRIFTGUARD_HOOK_SETXATTR || hook == DRIFTGUARD_HOOK_ACL;
}

/*
 * Has the file of @dentry, an overlay non-directory, more names than the
 * one it is reached by? A hard link made before files = prevent (ln
 * /etc/passwd /tmp/x: overlayfs copies the file up and links the upper
 * inode) lets a writable name change a file that is not writable, and only
 * the name used is seen. The upper inode's link count is the truth: the
 * overlay inode's is set once, from the upper inode when the overlay inode
 * is made (or from an index, index=on), and then only follows the links
 * made and removed through the overlay; it also still counts an image
 * file's lower links after its copy-up broke them (index=off, Docker's
 * and containerd's default). A file still in the lower layer has no upper
 * inode: its change is a copy-up, which breaks such links with index=off.
 * Under index=on the index keeps a copied-up lower hard link whole, and
 * its upper inode's count says so. Nothing is locked: a link made or
 * removed concurrently is a race the caller would have lost or won anyway.
 */
static bool dg_files_linked(struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	struct dentry *upper;

	if (!inode || S_ISDIR(inode->i_mode))
		return false;
	upper = dg_layer_ovl_upper(inode);
	return upper && READ_ONCE(d_inode(upper)->i_nlink) > 1;
}

/* The class of a change of @path by @hook; @target: a rename's new name. */
static u8 dg_files_class(const struct dg_policy *pol, enum driftguard_hook hook,
			 const char *path, bool target)
{
	u8 class;

	switch (hook) {
	case DRIFTGUARD_HOOK_COPY_UP:
	case DRIFTGUARD_HOOK_SETATTR:
	case DRIFTGUARD_HOOK_OPEN_WRITE:
	case DRIFTGUARD_HOOK_SETXATTR:
	case DRIFTGUARD_HOOK_ACL:
		class = DRIFTGUARD_CLASS_MODIFIED;
		break;
	case DRIFTGUARD_HOOK_UNLINK:
	case DRIFTGUARD_HOOK_RMDIR:
		class = DRIFTGUARD_CLASS_DELETED;
		break;
	case DRIFTGUARD_HOOK_RENAME:
		class = target ? DRIFTGUARD_CLASS_CREATED :
				 DRIFTGUARD_CLASS_DELETED;
		break;
	default:
		class = DRIFTGUARD_CLASS_CREATED;
		break;
	}
	return dg_files_path_class(pol, path, class);
}

/* The path of @dentry in the rootfs, in @buf (PATH_MAX), or NULL. */
static const char *dg_files_path(struct dentry *dentry, char *buf)
{
	char *p = dentry_path_raw(dentry, buf, PATH_MAX);

	return IS_ERR(p) ? NULL : p;
}

int dg_files_change(enum driftguard_hook hook, struct dentry *dentry,
		    struct dentry *other)
{
	struct dg_event_info ev = { .hook = hook };
	const struct super_block *anchor;
	const char *path, *path2 = NULL;
	struct dg_policy *pol;
	struct cgroup *cgrp;
	bool writable, target = false;
	int ret = 0;
	u8 mode;

	/* Everything that is no overlay stops here: one comparison. */
	if (likely(dentry->d_sb->s_magic != OVERLAYFS_SUPER_MAGIC) ||
	    !dg_policy_any() || dg_task_on_host())
		return 0;

	preempt_disable();
	rcu_read_lock();
	cgrp = task_dfl_cgroup(current);
	/* Only files_rs is written, and it has its own lock. */
	pol = (struct dg_policy *)dg_policy_find(cgrp);
	if (!pol || pol->files == DRIFTGUARD_MODE_OFF ||
	    (pol->files != DRIFTGUARD_MODE_PREVENT && !dg_files_detected(hook)))
		goto out;
	anchor = dg_anchor_find(cgrp, pol->cgroup_id);
	if (!anchor || dentry->d_sb != anchor)
		goto out;

	/* A path too long to build is outside every writable prefix. */
	path = dg_files_path(dentry, dg_decide_pathbuf(false));
	writable = path && dg_files_under(&pol->writable, path);
	/* A writable name of a file with others changes them all. */
	if (writable && dg_files_changes_file(hook) && dg_files_linked(dentry))
		writable = false;
	if (other && writable) {
		path2 = dg_files_path(other, dg_decide_pathbuf(true));
		writable = path2 && dg_files_under(&pol->writable, path2);
		if (!writable) {
			path = path2;
			target = true;
		}
	}
	mode = writable ? DRIFTGUARD_MODE_DETECT : pol->files;
	/*
	 * What the writable prefixes allow is reported for deletions only;
	 * under detect, deletions and opens for writing (above).
	 */
	if (mode == DRIFTGUARD_MODE_DETECT &&
	    (writable ? !dg_files_deletion(hook) : !dg_files_detected(hook)))
		goto out;

	ev.action = dg_verdict_action(mode, dg_alert_only());
	if (ev.action == DRIFTGUARD_ACTION_BLOCKED) {
		dg_stat_inc(DRIFTGUARD_STAT_BLOCKED_FILES);
		ret = -EPERM;
	}
	if (!__ratelimit(&pol->files_rs)) {
		dg_stat_inc(DRIFTGUARD_STAT_EVENTS_DROPPED);
		goto out;
	}
	ev.class = dg_files_class(pol, hook, path, target);
	ev.policy_cgroup_id = pol->cgroup_id;
	ev.path = path;
	ev.inode = target ? d_inode(other) : d_inode(dentry);
	dg_event_emit(&ev);
out:
	rcu_read_unlock();
	preempt_enable();
	return ret;
}

/*
 * Would opening @file with @flags change it? What makes overlayfs copy a
 * file up (ovl_open_flags_need_copy_up()): any write access, and O_TRUNC,
 * which truncates even a file opened read-only.
 */
static bool dg_files_open_writes(unsigned int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
}

int dg_files_open(struct file *file)
{
	struct inode *inode = file_inode(file);

	/*
	 * FMODE_CREATED: this open made the file (lookup_open()), and its
	 * creation was judged as it happened (security_dentry_create_files_as
	 * or security_inode_create): judging the open again would cost a second
	 * path and, under detect, write a second record for one new file.
	 */
	if (likely(!dg_files_open_writes(file->f_flags)) ||
	    (file->f_mode & FMODE_CREATED) ||
	    !S_ISREG(inode->i_mode) || !dg_layer_ovl_upper(inode))
		return 0;
	return dg_files_change(DRIFTGUARD_HOOK_OPEN_WRITE, file->f_path.dentry,
			       NULL);
}

int dg_files_xattr(struct dentry *dentry, const char *name)
{
	return dg_files_change(strncmp(name, XATTR_SYSTEM_PREFIX "posix_acl_",
				       sizeof(XATTR_SYSTEM_PREFIX "posix_acl_") - 1) ?
			       DRIFTGUARD_HOOK_SETXATTR : DRIFTGUARD_HOOK_ACL,
			       dentry, NULL);
}
