// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: each container's rootfs, the anchor of image provenance.
 *
 * A file is image content only if it lies in the lower layers of the
 * rootfs overlay the runtime set up for its container. Which overlay that is
 * must not depend on anything a container process controls: its root, its
 * chroot, pivot_root, its mount or user namespace, the /proc/<pid>/root
 * path it came through. So it is recorded once per cgroup, as the
 * superblock of the task's root at the first exec in that cgroup from
 * outside the initial mount namespace, and never replaced while it lives.
 *
 * Why a container process cannot choose it:
 * - The first exec in a container's cgroup is the runtime starting the
 *   entrypoint, after pivot_root into the rootfs and before any code of the
 *   container exists (runc and crun re-execute themselves before they join
 *   the cgroup). Nothing of the container runs before the anchor is set.
 * - Only an overlayfs mounted by the initial user namespace can be an
 *   anchor. An overlay or tmpfs a container mounts in a user namespace of
 *   its own never qualifies; mounting one in the initial user namespace
 *   takes CAP_SYS_ADMIN there, which only a privileged container has.
 * - A cgroup the container creates below its own inherits its anchor: the
 *   lookup walks up to the cgroup the policy is set on.
 * - The anchor goes only when its overlay shuts down, and the runtime keeps
 *   the rootfs mounted until the container's init has exited, which in a
 *   container with its own PID namespace ends every process in it. The
 *   next exec in the cgroup (a restart in the same cgroup) anchors again.
 * - Anchoring starts with the first policy (no policy, no hook looks).
 *   Containers already running then (the module was just loaded or
 *   reloaded, or the node's policies came after its containers) are
 *   anchored at that moment, not at their next exec, which could come from
 *   a root they chose since, and a container that never execs again would
 *   not be judged at all: every process outside the initial mount
 *   namespace whose root is not the host's is visited in creation order
 *   (for_each_process), so each cgroup gets the root of its oldest
 *   process, the container's init, whose root the runtime set (a runtime
 *   still setting a container up stands on the host's root until its
 *   pivot_root: skipped). Only an init that itself moved its root
 *   (pivot_root or chroot into another overlay mounted by the initial user
 *   namespace, which only a privileged container can mount) gives another
 *   anchor; its overlay is then drift like any other.
 *
 * Lifetime: the superblock is compared, never dereferenced after it was
 * recorded, and no reference is held (a pin would keep a stopped
 * container's rootfs busy). security_sb_delete() removes every anchor on a
 * superblock before the superblock is freed, and superblocks are freed only
 * after an RCU grace period that starts later, so a reader in an RCU
 * read-side section never compares with a superblock reused since. Recording
 * refuses a superblock that is no longer active, under the lock the removal
 * takes, so an anchor is never recorded after its removal ran.
 *
 * Anchors of removed cgroups (ids are never reused) are pruned by a work
 * item some time after anchors were added.
 */
#include <linux/fs_struct.h>
#include <linux/hashtable.h>
#include <linux/magic.h>
#include <linux/mount.h>
#include <linux/nsproxy.h>
#include <linux/pid_namespace.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/user_namespace.h>
#include <linux/workqueue.h>

#include "anchor.h"

#define DG_ANCHOR_HASH_BITS 10
/* Far more containers than a node runs; beyond it containers fail closed. */
#define DG_ANCHOR_MAX 65536
#define DG_ANCHOR_PRUNE_DELAY (60 * HZ)

struct dg_anchor {
	struct hlist_node node;
	struct rcu_head rcu;
	u64 cgroup_id;
	const struct super_block *sb;
};

static DEFINE_HASHTABLE(dg_anchors, DG_ANCHOR_HASH_BITS);
/*
 * Writers: recording (exec hook, the scan at the first policy), sb
 * shutdown, pruning. Never from IRQ.
 */
static DEFINE_SPINLOCK(dg_anchor_lock);
static unsigned int dg_nanchors;
/*
 * Set by dg_anchor_exit(): the netlink family (a policy set, which scans)
 * outlives the hooks at unload, and nothing may be recorded, nor the prune
 * work scheduled, once the table is being emptied.
 */
static bool dg_anchor_closed;

static void dg_anchor_prune(struct work_struct *work);
static DECLARE_DELAYED_WORK(dg_anchor_prune_work, dg_anchor_prune);

bool dg_anchor_candidate(const struct super_block *sb)
{
	return sb->s_magic == OVERLAYFS_SUPER_MAGIC &&
	       sb->s_user_ns == &init_user_ns;
}

static struct dg_anchor *dg_anchor_get(u64 id)
{
	struct dg_anchor *a;

	hash_for_each_possible_rcu(dg_anchors, a, node, id)
		if (a->cgroup_id == id)
			return a;
	return NULL;
}

const struct super_block *dg_anchor_find(struct cgroup *cgrp, u64 top)
{
	const struct dg_anchor *a;
	u64 id;

	for (; cgrp; cgrp = cgroup_parent(cgrp)) {
		id = cgroup_id(cgrp);
		a = dg_anchor_get(id);
		if (a)
			return READ_ONCE(a->sb);
		if (id == top)
			break;
	}
	return NULL;
}

const struct super_block *dg_anchor_record(struct cgroup *cgrp,
					   struct super_block *sb)
{
	const struct super_block *ret = NULL;
	u64 id = cgroup_id(cgrp);
	struct dg_anchor *a, *old;

	a = kmalloc(sizeof(*a), GFP_ATOMIC | __GFP_NOWARN);
	if (!a)
		return NULL;
	a->cgroup_id = id;
	a->sb = sb;
	spin_lock(&dg_anchor_lock);
	old = dg_anchor_get(id);
	if (old) {
		/* Another task of the cgroup was first. */
		ret = old->sb;
	} else if ((READ_ONCE(sb->s_flags) & SB_ACTIVE) &&
		   dg_nanchors < DG_ANCHOR_MAX && !dg_anchor_closed) {
		hash_add_rcu(dg_anchors, &a->node, id);
		dg_nanchors++;
		ret = sb;
		a = NULL;
		/* Under the lock: dg_anchor_exit() cancels it after closing. */
		schedule_delayed_work(&dg_anchor_prune_work,
				      DG_ANCHOR_PRUNE_DELAY);
	}
	spin_unlock(&dg_anchor_lock);
	kfree(a);
	return ret;
}

/*
 * The superblock of @p's root, or NULL (a kernel thread, an exiting
 * task); *@cgrp is then its cgroup and *@host whether it is in the initial
 * mount namespace. task_lock() keeps @p's nsproxy and fs_struct; its root
 * mount and that superblock are freed only after an RCU grace period, and
 * the caller holds rcu_read_lock().
 */
static struct super_block *dg_task_root_sb(struct task_struct *p,
					   struct cgroup **cgrp, bool *host)
{
	struct super_block *sb = NULL;

	if (p->flags & PF_KTHREAD)
		return NULL;
	task_lock(p);
	if (p->nsproxy && p->fs) {
		sb = READ_ONCE(p->fs->root.mnt)->mnt_sb;
		*host = p->nsproxy->mnt_ns == init_task.nsproxy->mnt_ns;
		*cgrp = task_dfl_cgroup(p);
	}
	task_unlock(p);
	return sb;
}

void dg_anchor_scan(void)
{
	struct super_block *sb, *host_sb;
	struct task_struct *p;
	struct cgroup *cgrp;
	bool host;

	rcu_read_lock();
	/*
	 * The host's root, init's: a runtime's init stands there, in the
	 * container's cgroup and mount namespace, until its pivot_root. An
	 * overlay root (a live system, a kind node) is never an anchor.
	 */
	host_sb = dg_task_root_sb(init_pid_ns.child_reaper, &cgrp, &host);
	for_each_process(p) {
		sb = dg_task_root_sb(p, &cgrp, &host);
		if (!sb || host || sb == host_sb || !dg_anchor_candidate(sb))
			continue;
		if (!dg_anchor_get(cgroup_id(cgrp)))
			dg_anchor_record(cgrp, sb);
	}
	rcu_read_unlock();
}

static void dg_anchor_del(struct dg_anchor *a)
{
	hash_del_rcu(&a->node);
	dg_nanchors--;
	kfree_rcu(a, rcu);
}

void dg_anchor_sb_shutdown(const struct super_block *sb)
{
	struct dg_anchor *a;
	struct hlist_node *tmp;
	int bkt;

	if (sb->s_magic != OVERLAYFS_SUPER_MAGIC)
		return;
	spin_lock(&dg_anchor_lock);
	hash_for_each_safe(dg_anchors, bkt, tmp, a, node)
		if (a->sb == sb)
			dg_anchor_del(a);
	spin_unlock(&dg_anchor_lock);
}

static void dg_anchor_drop(u64 id)
{
	struct dg_anchor *a;

	spin_lock(&dg_anchor_lock);
	a = dg_anchor_get(id);
	if (a)
		dg_anchor_del(a);
	spin_unlock(&dg_anchor_lock);
}

/* Drops the anchors of cgroups that no longer exist, a bucket at a time. */
static void dg_anchor_prune(struct work_struct *work)
{
	struct dg_anchor *a;
	struct cgroup *cgrp;
	u64 ids[16];
	int bkt, n, i;

	for (bkt = 0; bkt < HASH_SIZE(dg_anchors); bkt++) {
		n = 0;
		rcu_read_lock();
		hlist_for_each_entry_rcu(a, &dg_anchors[bkt], node)
			if (n < ARRAY_SIZE(ids))
				ids[n++] = a->cgroup_id;
		rcu_read_unlock();
		for (i = 0; i < n; i++) {
			cgrp = cgroup_get_from_id(ids[i]);
			if (IS_ERR(cgrp))
				dg_anchor_drop(ids[i]);
			else
				cgroup_put(cgrp);
		}
		cond_resched();
	}
}

void dg_anchor_exit(void)
{
	struct dg_anchor *a;
	struct hlist_node *tmp;
	int bkt;

	spin_lock(&dg_anchor_lock);
	dg_anchor_closed = true;
	spin_unlock(&dg_anchor_lock);
	cancel_delayed_work_sync(&dg_anchor_prune_work);
	spin_lock(&dg_anchor_lock);
	hash_for_each_safe(dg_anchors, bkt, tmp, a, node)
		dg_anchor_del(a);
	spin_unlock(&dg_anchor_lock);
	rcu_barrier();
}
