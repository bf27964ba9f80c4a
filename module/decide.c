// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the one decision function, and the global controls.
 *
 * Every hook ends here. The cheap questions come first (is there any
 * policy, does one apply to this cgroup, is the file drift at all), so an
 * image binary in a policed container costs a hash lookup per cgroup level
 * for the policy and for the container's anchor, and a few pointer reads.
 * Paths are only built when a list or an event needs them.
 */
#include <linux/cgroup.h>
#include <linux/dcache.h>
#include <linux/fs_struct.h>
#include <linux/nsproxy.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seqlock.h>
#include <linux/string.h>

#include "anchor.h"
#include "decide.h"
#include "events.h"
#include "files.h"
#include "layer.h"
#include "policy.h"
#include "stats.h"
#include "verdict.h"

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

/*
 * Path scratch space, used with preemption disabled: a file's path from
 * the task's root and its path in the container's rootfs. Allocated at
 * load, since a module's static per-CPU area is too small for both.
 */
struct dg_pathbufs {
	char view[PATH_MAX];
	char rootfs[PATH_MAX];
};

static struct dg_pathbufs __percpu *dg_pathbufs;

int dg_decide_init(void)
{
	dg_pathbufs = alloc_percpu(struct dg_pathbufs);
	return dg_pathbufs ? 0 : -ENOMEM;
}

char *dg_decide_pathbuf(bool second)
{
	struct dg_pathbufs *b = this_cpu_ptr(dg_pathbufs);

	return second ? b->view : b->rootfs;
}

/* Called once the hooks are gone. */
void dg_decide_exit(void)
{
	free_percpu(dg_pathbufs);
}

static const u8 dg_blocked_stat[] = {
	[DRIFTGUARD_CLASS_UPPER] = DRIFTGUARD_STAT_BLOCKED_UPPER,
	[DRIFTGUARD_CLASS_MEMFD] = DRIFTGUARD_STAT_BLOCKED_MEMFD,
	[DRIFTGUARD_CLASS_VOLUME] = DRIFTGUARD_STAT_BLOCKED_VOLUME,
	[DRIFTGUARD_CLASS_PROHIBITED] = DRIFTGUARD_STAT_BLOCKED_PROHIBITED,
	[DRIFTGUARD_CLASS_USERNS] = DRIFTGUARD_STAT_BLOCKED_USERNS,
	[DRIFTGUARD_CLASS_EXECMEM] = DRIFTGUARD_STAT_BLOCKED_EXECMEM,
	[DRIFTGUARD_CLASS_PROCMEM] = DRIFTGUARD_STAT_BLOCKED_PROCMEM,
	[DRIFTGUARD_CLASS_METADATA] = DRIFTGUARD_STAT_BLOCKED_METADATA,
};

/*
 * Where the current task stands. A task still in the initial mount
 * namespace has not entered a container filesystem: it is the host, or a
 * runtime that is still setting the container up (runc re-executes a copy
 * of itself after it joined the container's cgroup, before it enters the
 * container's mount namespace); only the upper layer is judged for it. A
 * container task is judged against its container's anchor (anchor.c),
 * looked up from its cgroup up to @top, the policy's cgroup. Its first exec
 * (@exec) records the anchor if the cgroup has none. Inline: on every exec.
 */
static __always_inline void dg_view_get(struct dg_view *view,
					struct cgroup *cgrp, u64 top,
					bool exec)
{
	struct fs_struct *fs = current->fs;
	struct super_block *sb;

	view->root = NULL;
	view->anchor = NULL;
	view->unknown = false;
	if (dg_task_on_host() || !fs)
		return;
	/*
	 * Only the mount pointer is used, so no lock: a thread sharing the
	 * fs_struct may chroot meanwhile (set_fs_root() under fs->lock), and
	 * we see the old root or the new one, each a whole aligned pointer.
	 * Mounts and superblocks are freed after an RCU grace period
	 * (delayed_free_vfsmnt, destroy_super_rcu), and the caller is in an
	 * RCU read-side section: the old one stays readable until it ends.
	 */
	view->root = READ_ONCE(fs->root.mnt);
	view->anchor = dg_anchor_find(cgrp, top);
	if (view->anchor || !exec)
		return;
	sb = view->root->mnt_sb;
	if (!dg_anchor_candidate(sb))
		return;
	view->anchor = dg_anchor_record(cgrp, sb);
	view->unknown = !view->anchor;
}

/* The file's path from the task's root, in a per-CPU buffer, or NULL. */
static const char *dg_resolve(const struct path *path)
{
	char *buf = this_cpu_ptr(dg_pathbufs)->view;
	char *p = d_path(path, buf, PATH_MAX);

	return IS_ERR(p) ? NULL : p;
}

/*
 * The path of a file of the container's rootfs inside that rootfs, from
 * the overlay's own dentries: the same whatever root, chroot or mount the
 * task sees it through. In a per-CPU buffer, or NULL.
 */
static const char *dg_rootfs_path(const struct path *path)
{
	char *p = dentry_path_raw(path->dentry, this_cpu_ptr(dg_pathbufs)->rootfs,
				  PATH_MAX);

	return IS_ERR(p) ? NULL : p;
}

/*
 * dg_verdict_needs_paths() for @path, whose own name its paths end in
 * unless it is a mount's root (d_path names a bind-mounted file by its
 * mountpoint), unlinked (d_path appends " (deleted)") or named by its
 * filesystem (d_dname): those always have their paths built.
 *
 * A rename changes the name under d_lock and inside a write section of
 * d_seq. A short name is read without the lock, as __d_lookup_rcu() and
 * dentry_cmp() do, and the answer is kept only if it is "needed" (which
 * builds the paths and applies the lists to them: never a skip) or d_seq
 * shows no rename began or ran meanwhile; otherwise the name is read again
 * under d_lock. The read itself cannot fault even if a rename tears it
 * (the length of one name, the pointer of another): we are in an RCU
 * read-side section, so a name replaced meanwhile is not freed yet
 * (external names are freed after a grace period, inline ones are part of
 * the dentry we hold), and every buffer d_name.name can point to has at
 * least DNAME_INLINE_LEN bytes (the inline one exactly that; an external
 * one is only made for a longer name), more than the at most
 * DNAME_INLINE_LEN - 1 bytes read here.
 */
static bool dg_needs_paths(const struct dg_policy *pol, enum dg_use use,
			   u8 mode, const struct path *path)
{
	struct dentry *d = path->dentry;
	const unsigned char *name;
	unsigned int seq;
	bool needed;
	u32 len;

	if (d == path->mnt->mnt_root || d_unlinked(d) ||
	    (d->d_op && d->d_op->d_dname))
		return true;
	seq = raw_seqcount_begin(&d->d_seq);
	len = READ_ONCE(d->d_name.len);
	name = READ_ONCE(d->d_name.name);
	if (len < DNAME_INLINE_LEN) {
		needed = dg_verdict_needs_paths(pol, use, mode,
						(const char *)name, len);
		if (needed || !read_seqcount_retry(&d->d_seq, seq))
			return needed;
	}
	spin_lock(&d->d_lock);
	needed = dg_verdict_needs_paths(pol, use, mode,
					(const char *)d->d_name.name,
					d->d_name.len);
	spin_unlock(&d->d_lock);
	return needed;
}

/*
 * Acts on a decision to report (@mode DETECT) or refuse (PREVENT): sets
 * @ev's action, counts it, and queues the event.
 */
static int dg_act(struct dg_event_info *ev, u8 mode)
{
	ev->action = dg_verdict_action(mode, dg_alert_only());
	if (ev->action == DRIFTGUARD_ACTION_BLOCKED)
		dg_stat_inc(dg_blocked_stat[ev->class]);
	else
		dg_stat_inc(DRIFTGUARD_STAT_ALERTED);
	dg_event_emit(ev);
	return ev->action == DRIFTGUARD_ACTION_BLOCKED ? -EPERM : 0;
}

/*
 * A script's interpreter, for an event: the interpreter the kernel is
 * running for it (binfmt_script and binfmt_misc set bprm->interp), or at
 * the first level the "#!" line already read into bprm->buf, in @buf.
 * Only read once there is something to report: not on every exec.
 */
static const char *dg_bprm_interp(const struct linux_binprm *bprm, char *buf,
				  size_t size)
{
	const char *p = bprm->buf, *end = bprm->buf + sizeof(bprm->buf);
	size_t n = 0;

	if (bprm->interp != bprm->filename)
		return bprm->interp;
	if (p[0] != '#' || p[1] != '!')
		return NULL;
	for (p += 2; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	while (p < end && n < size - 1 && *p && *p != ' ' && *p != '\t' &&
	       *p != '\n')
		buf[n++] = *p++;
	buf[n] = '\0';
	return n ? buf : NULL;
}

/*
 * dg_act() for a file of @req that @pol gives @mode, of @class; @path is
 * its path from the task's root if the lists built it. Apart from
 * dg_decide(): the kernel zeroes every stack variable (INIT_STACK_ALL_ZERO),
 * and the event is only needed when there is something to report.
 */
static int dg_decide_act(const struct dg_request *req,
			 const struct dg_policy *pol, u8 mode,
			 enum driftguard_class class, const char *path)
{
	struct dg_event_info ev = {
		.hook = req->hook,
		.class = class,
		.policy_cgroup_id = pol->cgroup_id,
	};
	char interp[64];

	if (dg_event_wanted()) {
		ev.path = path ?: dg_resolve(req->path);
		ev.filename = req->filename;
		if (req->bprm)
			ev.interp = dg_bprm_interp(req->bprm, interp,
						   sizeof(interp));
		ev.inode = d_inode(req->path->dentry);
	}
	return dg_act(&ev, mode);
}

int dg_decide(const struct dg_request *req)
{
	bool exec = req->hook == DRIFTGUARD_HOOK_EXEC;
	const char *names[3] = { req->asked };
	enum driftguard_class class;
	const struct dg_policy *pol;
	const char *trusted = NULL;
	struct dg_view view;
	enum dg_use use;
	struct cgroup *cgrp;
	int ret = 0;
	u8 mode;

	dg_stat_inc(exec ? DRIFTGUARD_STAT_EXECS_CHECKED :
		    DRIFTGUARD_STAT_MMAPS_CHECKED);
	if (!dg_policy_any())
		goto allowed;

	/*
	 * One section for both needs: the per-CPU path buffers want
	 * preemption off, and the policy, anchor, cgroup, mount and dentry
	 * reads want an RCU read-side section. A preemption-disabled region
	 * is one for every RCU flavour since the flavours were consolidated
	 * (4.20: synchronize_rcu() and call_rcu() wait for it), which
	 * rcu_read_lock_sched() says; a nested rcu_read_lock() would cost
	 * two calls into the RCU core on every exec for nothing.
	 */
	rcu_read_lock_sched();
	cgrp = task_dfl_cgroup(current);
	pol = dg_policy_find(cgrp);
	if (!pol) {
		/*
		 * Anchor unpoliced containers too: a policy that arrives
		 * after the container started must still find the rootfs
		 * the runtime gave it, not one the container chose since.
		 */
		if (exec)
			dg_view_get(&view, cgrp, cgroup_id(cgrp), true);
		goto unlock_allowed;
	}

	dg_view_get(&view, cgrp, pol->cgroup_id, exec);
	use = exec ? DG_USE_EXEC : req->in_exec ? DG_USE_EXEC_MAP : DG_USE_MAP;
	mode = dg_verdict_class(pol, dg_layer_classes(req->path, &view), use,
				&class);

	/*
	 * Lists. Deny and watch entries match any name the file goes by (the
	 * name asked for, its path from the task's root, its path in the
	 * rootfs): matching more can only refuse or report more. Allow entries
	 * are exceptions and must name the file itself: only full paths, and
	 * only a path the container cannot change (inside its rootfs; from
	 * the task's root for a host task or before the anchor is known), so
	 * a dropped file never inherits an entry by its name or by a view. A
	 * file off an anchored container's rootfs has no such path.
	 */
	if (dg_verdict_needs_names(pol, use, mode)) {
		bool paths = dg_needs_paths(pol, use, mode, req->path);

		if (paths) {
			names[1] = dg_resolve(req->path);
			if (dg_layer_on_anchor(req->path, &view)) {
				names[2] = dg_rootfs_path(req->path);
				trusted = names[2];
			} else if (!view.anchor) {
				trusted = names[1];
			}
		}
		if (paths || dg_verdict_asked_may_match(pol, use, names[0]))
			mode = dg_verdict_lists(pol, mode, use, names, 3,
						trusted, &class);
	}
	if (!mode)
		goto unlock_allowed;

	ret = dg_decide_act(req, pol, mode, class, names[1]);
	rcu_read_unlock_sched();
	if (!ret)
		goto allowed;
	return ret;

unlock_allowed:
	rcu_read_unlock_sched();
allowed:
	dg_stat_inc(DRIFTGUARD_STAT_ALLOWED);
	return 0;
}

int dg_decide_harden(enum driftguard_class class, enum driftguard_hook hook,
		     const struct path *path)
{
	struct dg_event_info ev = { .class = class, .hook = hook };
	const struct dg_policy *pol;
	int ret = 0;
	u8 mode;

	if (!dg_policy_any())
		return 0;
	/* As in dg_decide(): preemption off and RCU, in one section. */
	rcu_read_lock_sched();
	pol = dg_policy_find(task_dfl_cgroup(current));
	mode = pol ? dg_verdict_class_mode(pol, class) : DRIFTGUARD_MODE_OFF;
	if (mode) {
		ev.policy_cgroup_id = pol->cgroup_id;
		if (path && dg_event_wanted()) {
			ev.path = dg_resolve(path);
			ev.inode = d_inode(path->dentry);
		}
		ret = dg_act(&ev, mode);
	}
	rcu_read_unlock_sched();
	return ret;
}

int dg_decide_attach(struct cgroup *dst, struct task_struct *task)
{
	const struct dg_policy *from, *to;
	u64 from_id = 0, to_id = 0;
	const char *why = NULL;
	bool refuse;

	if (!dg_policy_any())
		return 0;
	rcu_read_lock();
	/* cgroup v1 moves (their ids are another hierarchy's) are not ours. */
	if (dst->root != task_dfl_cgroup(current)->root)
		goto out;
	from = dg_policy_find(task_dfl_cgroup(task));
	to = dg_policy_find(dst);
	if (!from || from == to)
		goto out;
	why = to ? dg_policy_loosens(to, from) : "it has no policy";
	/* dg_policy_loosens() words its answer for a locked module. */
	if (why && !strncmp(why, "locked: ", 8))
		why += 8;
	from_id = from->cgroup_id;
	to_id = to ? to->cgroup_id : 0;
out:
	rcu_read_unlock();
	if (!why)
		return 0;
	/*
	 * A host process (an administrator, systemd) may move tasks where it
	 * likes; a container process that can write to a cgroup.procs outside
	 * its own subtree (a privileged container) must not leave its policy.
	 */
	refuse = !dg_task_on_host() && !dg_alert_only();
	pr_warn_ratelimited("%s %s[%d] moving %s[%d] from the policy of cgroup %llu to cgroup %llu (policy of cgroup %llu): %s\n",
			    refuse ? "refused" : "allowed", current->comm,
			    task_pid_nr(current), task->comm, task_pid_nr(task),
			    from_id, cgroup_id(dst), to_id, why);
	return refuse ? -EPERM : 0;
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
	p = dentry_path_raw(dentry, this_cpu_ptr(dg_pathbufs)->rootfs, PATH_MAX);
	ev.path = IS_ERR(p) ? NULL : p;
	ev.class = dg_files_path_class(pol, ev.path, ev.class);
	dg_event_emit(&ev);
out:
	rcu_read_unlock();
	preempt_enable();
}
