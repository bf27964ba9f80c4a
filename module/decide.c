// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the one decision function, and the global controls.
 *
 * Every hook ends here. The cheap questions come first (is there any
 * policy, does one apply to this cgroup, is the file drift at all), so an
 * image binary in a policed container costs a hash lookup per cgroup level
 * and one pointer read. Paths are only built when a list or an event needs
 * them.
 */
#include <linux/cgroup.h>
#include <linux/dcache.h>
#include <linux/fs_struct.h>
#include <linux/nsproxy.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>

#include "decide.h"
#include "events.h"
#include "layer.h"
#include "policy.h"
#include "stats.h"

static bool dg_alert_only_on;
static bool dg_locked_on;

bool dg_alert_only(void)
{
	return READ_ONCE(dg_alert_only_on);
}

void dg_set_alert_only(bool on)
{
	WRITE_ONCE(dg_alert_only_on, on);
}

bool dg_locked(void)
{
	return READ_ONCE(dg_locked_on);
}

void dg_lock(void)
{
	WRITE_ONCE(dg_locked_on, true);
}

/* Path scratch space; used with preemption disabled. */
static DEFINE_PER_CPU(char[PATH_MAX], dg_pathbuf);

static const u8 dg_blocked_stat[] = {
	[DRIFTGUARD_CLASS_UPPER] = DRIFTGUARD_STAT_BLOCKED_UPPER,
	[DRIFTGUARD_CLASS_MEMFD] = DRIFTGUARD_STAT_BLOCKED_MEMFD,
	[DRIFTGUARD_CLASS_VOLUME] = DRIFTGUARD_STAT_BLOCKED_VOLUME,
	[DRIFTGUARD_CLASS_PROHIBITED] = DRIFTGUARD_STAT_BLOCKED_PROHIBITED,
};

static u8 dg_class_mode(const struct dg_policy *pol, unsigned int c)
{
	switch (c) {
	case DRIFTGUARD_CLASS_UPPER:
		return pol->mode;
	case DRIFTGUARD_CLASS_MEMFD:
		return pol->memfd;
	case DRIFTGUARD_CLASS_VOLUME:
		return pol->volume;
	default:
		return DRIFTGUARD_MODE_OFF;
	}
}

/*
 * The strictest mode among @classes, and in @class the class it comes from;
 * on a tie the lower class wins, so an upper-layer file is reported as upper
 * whichever other class also applies.
 */
static u8 dg_strictest(const struct dg_policy *pol, unsigned int classes,
		       enum driftguard_class *class)
{
	unsigned int c;
	u8 mode = DRIFTGUARD_MODE_OFF, m;

	*class = DRIFTGUARD_CLASS_NONE;
	for (c = DRIFTGUARD_CLASS_UPPER; c <= DRIFTGUARD_CLASS_VOLUME; c++) {
		if (!(classes & DG_CLASS_BIT(c)))
			continue;
		m = dg_class_mode(pol, c);
		if (*class == DRIFTGUARD_CLASS_NONE || m > mode) {
			mode = m;
			*class = c;
		}
	}
	return mode;
}

/*
 * The mount a task's files are judged against, or NULL for a task still
 * in the initial mount namespace. Such a task has not entered a container
 * filesystem: it is the host, or a runtime that is still setting the
 * container up (runc re-executes a sealed memfd copy of itself after it
 * joined the container's cgroup, before it enters the container's mount
 * namespace). Memfd and volume drift are container concepts and are not
 * judged for it; upper-layer and prohibited files still are.
 */
static const struct vfsmount *dg_container_root(void)
{
	struct fs_struct *fs = current->fs;
	const struct vfsmount *mnt;

	if (!current->nsproxy || !fs ||
	    current->nsproxy->mnt_ns == init_task.nsproxy->mnt_ns)
		return NULL;
	spin_lock(&fs->lock);
	mnt = fs->root.mnt;
	spin_unlock(&fs->lock);
	return mnt;
}

/* The file's path from the task's root, in the per-CPU buffer, or NULL. */
static const char *dg_resolve(const struct path *path)
{
	char *buf = this_cpu_ptr(dg_pathbuf);
	char *p = d_path(path, buf, PATH_MAX);

	return IS_ERR(p) ? NULL : p;
}

static bool dg_lists_match(const struct dg_list *list, const char *asked,
			   const char *resolved)
{
	return (asked && dg_list_match(list, kbasename(asked), asked)) ||
	       (resolved && dg_list_match(list, kbasename(resolved), resolved));
}

int dg_decide(const struct dg_request *req)
{
	bool exec = req->hook == DRIFTGUARD_HOOK_EXEC;
	struct dg_event_info ev = { .hook = req->hook };
	enum driftguard_class class;
	const struct dg_policy *pol;
	const char *resolved = NULL;
	int ret = 0;
	u8 mode;

	dg_stat_inc(exec ? DRIFTGUARD_STAT_EXECS_CHECKED :
		    DRIFTGUARD_STAT_MMAPS_CHECKED);
	if (!dg_policy_any())
		goto allowed;

	preempt_disable();
	rcu_read_lock();
	pol = dg_policy_find(task_dfl_cgroup(current));
	if (!pol)
		goto unlock_allowed;

	mode = dg_strictest(pol, dg_layer_classes(req->path, dg_container_root()),
			    &class);
	/*
	 * The mmap mode caps mappings a program asks for. What the kernel maps
	 * while it executes a program (the ELF interpreter) runs the program
	 * as surely as the binary does: it is judged like an exec.
	 */
	if (!exec && !req->in_exec)
		mode = min(mode, pol->mmap);

	/* Lists match names as well as paths: both come from d_path(). */
	if ((exec && (pol->deny.n || pol->watch.n)) || (mode && pol->allow.n))
		resolved = dg_resolve(req->path);
	if (exec && pol->deny.n && dg_lists_match(&pol->deny, req->asked, resolved)) {
		class = DRIFTGUARD_CLASS_PROHIBITED;
		mode = DRIFTGUARD_MODE_PREVENT;
	} else if (mode && pol->allow.n &&
		   dg_lists_match(&pol->allow, req->asked, resolved)) {
		mode = DRIFTGUARD_MODE_OFF;
	}
	if (!mode && exec && pol->watch.n &&
	    dg_lists_match(&pol->watch, req->asked, resolved)) {
		class = DRIFTGUARD_CLASS_WATCHED;
		mode = DRIFTGUARD_MODE_DETECT;
	}
	if (!mode)
		goto unlock_allowed;

	ev.class = class;
	ev.policy_cgroup_id = pol->cgroup_id;
	if (mode == DRIFTGUARD_MODE_PREVENT && !dg_alert_only()) {
		ev.action = DRIFTGUARD_ACTION_BLOCKED;
		dg_stat_inc(dg_blocked_stat[class]);
		ret = -EPERM;
	} else {
		ev.action = DRIFTGUARD_ACTION_ALERTED;
		dg_stat_inc(DRIFTGUARD_STAT_ALERTED);
	}
	if (dg_event_wanted()) {
		ev.path = resolved ?: dg_resolve(req->path);
		ev.filename = req->filename;
		ev.interp = req->interp;
		ev.inode = d_inode(req->path->dentry);
	}
	dg_event_emit(&ev);
	rcu_read_unlock();
	preempt_enable();
	if (!ret)
		goto allowed;
	return ret;

unlock_allowed:
	rcu_read_unlock();
	preempt_enable();
allowed:
	dg_stat_inc(DRIFTGUARD_STAT_ALLOWED);
	return 0;
}

void dg_observe(enum driftguard_hook hook, struct dentry *dentry)
{
	struct dg_event_info ev = {
		.action = DRIFTGUARD_ACTION_ALERTED,
		.hook = hook,
	};
	struct dg_policy *pol;
	char *p;

	dg_stat_inc(hook == DRIFTGUARD_HOOK_COPY_UP ?
		    DRIFTGUARD_STAT_COPYUPS_MARKED :
		    DRIFTGUARD_STAT_CREATIONS_MARKED);
	if (!dg_policy_any())
		return;

	preempt_disable();
	rcu_read_lock();
	/* Only files_rs is written, and it has its own lock. */
	pol = (struct dg_policy *)dg_policy_find(task_dfl_cgroup(current));
	if (!pol || pol->files == DRIFTGUARD_MODE_OFF)
		goto out;
	if (!__ratelimit(&pol->files_rs)) {
		dg_stat_inc(DRIFTGUARD_STAT_EVENTS_DROPPED);
		goto out;
	}
	ev.class = hook == DRIFTGUARD_HOOK_COPY_UP ? DRIFTGUARD_CLASS_MODIFIED :
						      DRIFTGUARD_CLASS_CREATED;
	ev.policy_cgroup_id = pol->cgroup_id;
	ev.inode = d_inode(dentry);
	/* The path within the overlay: the container's view of its rootfs. */
	p = dentry_path_raw(dentry, this_cpu_ptr(dg_pathbuf), PATH_MAX);
	ev.path = IS_ERR(p) ? NULL : p;
	dg_event_emit(&ev);
out:
	rcu_read_unlock();
	preempt_enable();
}
