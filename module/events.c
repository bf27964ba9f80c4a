// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: events, queued by the hooks and multicast by a worker.
 *
 * A hook copies what it knows into one small allocation and pushes it on a
 * lock-free list; a work item turns queued events into netlink messages.
 * Nothing on the exec path builds or sends a message, waits, or depends on
 * userspace keeping up.
 */
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/llist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>

#include "events.h"
#include "netlink.h"
#include "stats.h"

/* Bounds the memory a burst of denials can pin while the worker catches up. */
#define DG_EVENT_QUEUE_MAX 4096

struct dg_event {
	struct llist_node node;
	u64 time;
	u64 cgroup_id;
	u64 policy_cgroup_id;
	u64 ino;
	u32 dev;
	u32 pid, tgid, ppid, uid, gid;
	u8 action, class, hook;
	char comm[TASK_COMM_LEN];
	u8 proto;
	u16 port;
	char addr[48];		/* "" unless a network event */
	u16 path_len, filename_len, interp_len;	/* each including NUL */
	char strings[];
};

static LLIST_HEAD(dg_event_queue);
static atomic_t dg_event_queued = ATOMIC_INIT(0);
static void dg_event_work(struct work_struct *work);
static DECLARE_WORK(dg_event_worker, dg_event_work);

bool dg_event_wanted(void)
{
	return genl_has_listeners(&dg_genl_family, &init_net, 0);
}

static u16 dg_strsize(const char *s)
{
	return s ? min_t(size_t, strlen(s) + 1, PATH_MAX) : 0;
}

static char *dg_copy(char *dst, const char *src, u16 size)
{
	if (size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
	}
	return dst + size;
}

void dg_event_emit(const struct dg_event_info *info)
{
	struct task_struct *parent;
	struct dg_event *ev;
	char *p;
	u16 plen, flen, ilen;

	if (!dg_event_wanted() ||
	    atomic_inc_return(&dg_event_queued) > DG_EVENT_QUEUE_MAX) {
		dg_stat_inc(DRIFTGUARD_STAT_EVENTS_DROPPED);
		goto undo;
	}
	plen = dg_strsize(info->path);
	flen = dg_strsize(info->filename);
	ilen = dg_strsize(info->interp);
	ev = kmalloc(sizeof(*ev) + plen + flen + ilen,
		     GFP_ATOMIC | __GFP_NOWARN);
	if (!ev) {
		dg_stat_inc(DRIFTGUARD_STAT_EVENTS_DROPPED);
		goto undo;
	}
	ev->time = ktime_get_real_ns();
	ev->action = info->action;
	ev->class = info->class;
	ev->hook = info->hook;
	ev->policy_cgroup_id = info->policy_cgroup_id;
	ev->pid = task_pid_nr(current);
	ev->tgid = task_tgid_nr(current);
	rcu_read_lock();
	parent = rcu_dereference(current->real_parent);
	ev->ppid = task_tgid_nr(parent);
	ev->cgroup_id = cgroup_id(task_dfl_cgroup(current));
	rcu_read_unlock();
	ev->uid = from_kuid_munged(&init_user_ns, current_uid());
	ev->gid = from_kgid_munged(&init_user_ns, current_gid());
	get_task_comm(ev->comm, current);
	ev->dev = info->inode ? new_encode_dev(info->inode->i_sb->s_dev) : 0;
	ev->ino = info->inode ? info->inode->i_ino : 0;
	ev->proto = info->proto;
	ev->port = info->port;
	strscpy(ev->addr, info->addr ?: "", sizeof(ev->addr));
	ev->path_len = plen;
	ev->filename_len = flen;
	ev->interp_len = ilen;
	p = dg_copy(ev->strings, info->path, plen);
	p = dg_copy(p, info->filename, flen);
	dg_copy(p, info->interp, ilen);

	llist_add(&ev->node, &dg_event_queue);
	schedule_work(&dg_event_worker);
	return;
undo:
	atomic_dec(&dg_event_queued);
}

static int dg_event_fill(struct sk_buff *msg, const struct dg_event *ev)
{
	const char *path = ev->strings;
	const char *filename = path + ev->path_len;
	const char *interp = filename + ev->filename_len;
	void *hdr;

	hdr = genlmsg_put(msg, 0, 0, &dg_genl_family, 0, DRIFTGUARD_CMD_EVENT);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, DRIFTGUARD_A_EV_TIME, ev->time,
			      DRIFTGUARD_A_PAD) ||
	    nla_put_u8(msg, DRIFTGUARD_A_EV_ACTION, ev->action) ||
	    nla_put_u8(msg, DRIFTGUARD_A_EV_CLASS, ev->class) ||
	    nla_put_u8(msg, DRIFTGUARD_A_EV_HOOK, ev->hook) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_PID, ev->pid) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_TGID, ev->tgid) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_PPID, ev->ppid) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_UID, ev->uid) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_GID, ev->gid) ||
	    nla_put_string(msg, DRIFTGUARD_A_EV_COMM, ev->comm) ||
	    nla_put_u64_64bit(msg, DRIFTGUARD_A_CGROUP_ID, ev->cgroup_id,
			      DRIFTGUARD_A_PAD) ||
	    nla_put_u64_64bit(msg, DRIFTGUARD_A_EV_POLICY_CGROUP_ID,
			      ev->policy_cgroup_id, DRIFTGUARD_A_PAD) ||
	    nla_put_u32(msg, DRIFTGUARD_A_EV_DEV, ev->dev) ||
	    nla_put_u64_64bit(msg, DRIFTGUARD_A_EV_INO, ev->ino,
			      DRIFTGUARD_A_PAD) ||
	    (ev->addr[0] &&
	     (nla_put_u8(msg, DRIFTGUARD_A_EV_PROTO, ev->proto) ||
	      nla_put_string(msg, DRIFTGUARD_A_EV_ADDR, ev->addr) ||
	      nla_put_u16(msg, DRIFTGUARD_A_EV_PORT, ev->port))) ||
	    (ev->path_len && nla_put_string(msg, DRIFTGUARD_A_EV_PATH, path)) ||
	    (ev->filename_len &&
	     nla_put_string(msg, DRIFTGUARD_A_EV_FILENAME, filename)) ||
	    (ev->interp_len &&
	     nla_put_string(msg, DRIFTGUARD_A_EV_INTERP, interp))) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

static void dg_event_send(const struct dg_event *ev)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE + ev->path_len + ev->filename_len +
			  ev->interp_len, GFP_KERNEL);
	if (!msg || dg_event_fill(msg, ev)) {
		nlmsg_free(msg);
		dg_stat_inc(DRIFTGUARD_STAT_EVENTS_DROPPED);
		return;
	}
	/* Fails when nobody listens any more or a listener overran. */
	err = genlmsg_multicast(&dg_genl_family, msg, 0, 0, GFP_KERNEL);
	dg_stat_inc(err ? DRIFTGUARD_STAT_EVENTS_DROPPED :
		    DRIFTGUARD_STAT_EVENTS_SENT);
}

static void dg_event_work(struct work_struct *work)
{
	struct llist_node *list;
	struct dg_event *ev, *next;

	list = llist_reverse_order(llist_del_all(&dg_event_queue));
	llist_for_each_entry_safe(ev, next, list, node) {
		dg_event_send(ev);
		kfree(ev);
		atomic_dec(&dg_event_queued);
		cond_resched();
	}
}

int dg_events_init(void)
{
	return 0;
}

/* Called once no hook can queue any more: drain what is left, then stop. */
void dg_events_exit(void)
{
	flush_work(&dg_event_worker);
	cancel_work_sync(&dg_event_worker);
	dg_event_work(&dg_event_worker);
}
