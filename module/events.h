/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: events, queued by the hooks and multicast by a worker. */
#ifndef DRIFTGUARD_EVENTS_H
#define DRIFTGUARD_EVENTS_H

#include <linux/types.h>
#include <linux/driftguard.h>

struct path;
struct dentry;

struct dg_event_info {
	u8 action;
	u8 class;
	u8 hook;
	u64 policy_cgroup_id;
	const char *path;	/* as seen from the task's root; may be NULL */
	const char *filename;	/* as asked for; may be NULL */
	const char *interp;	/* a script's interpreter; may be NULL */
	const struct inode *inode;
	/* Network events: the socket's protocol, address and port. */
	u8 proto;
	u16 port;
	const char *addr;	/* NULL for other events */
};

/*
 * Queues an event about the current task. Never sleeps and never fails
 * the caller: when nobody listens or the queue is full, the event is
 * dropped and counted.
 */
void dg_event_emit(const struct dg_event_info *info);

/* Does anybody listen? Lets the hooks skip building an event. */
bool dg_event_wanted(void);

int dg_events_init(void);
void dg_events_exit(void);

#endif /* DRIFTGUARD_EVENTS_H */
