/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: what a policy's response does to a container's cgroup. */
#ifndef DG_RESPONSE_H
#define DG_RESPONSE_H

/*
 * Responses act on one cgroup v2 directory: the container's own cgroup when
 * the drift happened in a container (a sub-cgroup is widened to it), else
 * the cgroup of the task. Never on the cgroup2 root. All are writes to the
 * kernel's cgroup files, so they also reach processes that ignore signals:
 *   kill   "1" > cgroup.kill: SIGKILL to every process below, at once;
 *   pause  "1" > cgroup.freeze: every process below stops, until
 *          "0" > cgroup.freeze (driftguardd never thaws);
 *   stop   SIGTERM to every process below, then cgroup.kill after a grace
 *          (driftguardd keeps the deadline; dg_response_kill then).
 */

#include <stdbool.h>
#include <stddef.h>

#include "container.h"

#define DG_RESPONSE_GRACE_SEC	10	/* stop: SIGTERM, then cgroup.kill */

/*
 * Whether a record of @hook can get a response: an act the kernel judged
 * as it happened (exec, mmap, userns, open), not file drift seen after the
 * fact (copy-up, create). The policy's response_on decides the rest.
 */
bool dg_response_answers(int hook);

/*
 * The directory a response to drift in cgroup @cgroup_dir (absolute) acts
 * on, into @out. @ctr: the container @cgroup_dir belongs to, or NULL.
 * Returns 0, or -EPERM for the cgroup2 root @root.
 */
int dg_response_target(const char *root, const char *cgroup_dir,
		       const struct dg_container *ctr, char *out, size_t size);

/* Each returns 0 or -errno; term counts the processes signalled. */
int dg_response_kill(const char *dir);
/* The kill of a cgroup held open: -ENOENT once it was removed. */
int dg_response_kill_at(int dirfd);
int dg_response_pause(const char *dir);
int dg_response_term(const char *dir, unsigned int *signalled);

#endif /* DG_RESPONSE_H */
