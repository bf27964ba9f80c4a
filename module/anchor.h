/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: each container's rootfs, the anchor of image provenance. */
#ifndef DRIFTGUARD_ANCHOR_H
#define DRIFTGUARD_ANCHOR_H

#include <linux/cgroup.h>
#include <linux/fs.h>

/*
 * May @sb be a container's anchor: an overlayfs mounted by the initial user
 * namespace (a runtime, never an unprivileged container)?
 */
bool dg_anchor_candidate(const struct super_block *sb);

/*
 * The anchor of @cgrp or of its nearest ancestor, looking no higher than
 * the cgroup @top (the policy's), or NULL. Compare it, never dereference
 * it. The caller is in an RCU read-side section (rcu_read_lock(), or
 * rcu_read_lock_sched() as dg_decide() uses) until it is done comparing.
 */
const struct super_block *dg_anchor_find(struct cgroup *cgrp, u64 top);

/*
 * Records @sb as the anchor of @cgrp unless it has one: returns the anchor
 * in force, or NULL when none could be recorded (no memory, table full, @sb
 * already dying). Never sleeps; the caller is in an RCU read-side section.
 */
const struct super_block *dg_anchor_record(struct cgroup *cgrp,
					   struct super_block *sb);

/*
 * Anchors every container running now that has no anchor yet, each cgroup
 * to the root of its oldest process: called when the first policy
 * appears, from process context. Never sleeps.
 */
void dg_anchor_scan(void);

/* @sb is shutting down: it stops being anyone's anchor. */
void dg_anchor_sb_shutdown(const struct super_block *sb);

/* Called once the hooks are gone. */
void dg_anchor_exit(void);

#endif /* DRIFTGUARD_ANCHOR_H */
