/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: keeps the kernel's policies equal to the configuration. */
#ifndef DG_SYNC_H
#define DG_SYNC_H

/*
 * driftguardd owns every policy in the kernel: a sync makes the kernel's set
 * exactly the set the configuration asks for, and deletes any other policy,
 * also one set by hand with `driftctl policy set`. Running driftguardd and
 * setting policies by hand do not mix.
 *
 * The wanted set: every cgroup directory under the cgroup2 mount whose path
 * relative to the mount (the mount itself is "") matches a [policy]'s cgroup
 * pattern with fnmatch(3) and FNM_PATHNAME ('*' does not cross '/'). When
 * the patterns of several policies match one cgroup, the first policy in
 * load order wins.
 *
 * Every cgroup directory is watched with inotify, so a new cgroup gets its
 * policy as soon as the directory appears. A process can be moved into a
 * cgroup (and exec) right after mkdir, before driftguardd reacts: a pattern
 * that matches a parent of the containers (kubepods.slice) covers them
 * from their first instruction, by inheritance; a pattern that matches only
 * the container's own cgroup leaves that short window.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "nl.h"

struct dg_want {
	uint64_t id;		/* cgroup id */
	char *rel;		/* path relative to the cgroup2 mount */
	const struct dg_policy *policy;
};

struct dg_sync {
	const char *root;	/* the cgroup2 mount */
	int ifd;		/* inotify on every cgroup directory */
	char **wd_path;		/* relative path per watch descriptor */
	size_t nwd;
	struct dg_want *want;	/* sorted by id */
	size_t nwant;
	unsigned long set, deleted;	/* requests made, for STATUS= */
	/*
	 * The last full sync that reached the module, for the metrics and
	 * the health check: when it ended (CLOCK_REALTIME ns, 0: none yet)
	 * and 0 or its first -errno with why. A cgroup left without its
	 * policy afterwards (a new cgroup whose policy the kernel refused)
	 * fails it too, until the next full sync succeeds: until then that
	 * cgroup goes unpoliced.
	 */
	uint64_t synced_at;
	int sync_err;
	char sync_why[512];
	/*
	 * Called when a cgroup is left without the policy the configuration
	 * gives it (the kernel refused it, or it could not be sent), after
	 * the message is logged: driftguardd makes it a record. May be NULL.
	 */
	void (*refused)(void *arg, const struct dg_policy *policy,
			const char *cgroup, uint64_t id, const char *why);
	void *refused_arg;
	/*
	 * Called for each cgroup directory that appears (inotify), after
	 * its policy was set: driftguardd checks a starting container's
	 * image there. May be NULL.
	 */
	void (*added)(void *arg, const char *rel);
	void *added_arg;
};

/* Returns 0 or -errno (the inotify instance). */
int dg_sync_init(struct dg_sync *s);
void dg_sync_fini(struct dg_sync *s);

/*
 * Walks the cgroup tree (adding watches), computes the wanted set from @cfg,
 * and makes the kernel's set equal to it through @nl. @cfg must stay alive
 * until the next full sync: the wanted set points into it. Returns 0 or the
 * first -errno (the kernel's message is logged).
 */
int dg_sync_full(struct dg_sync *s, const struct dg_config *cfg,
		 struct dg_nl *nl);

/*
 * Reads the cgroup inotify fd: new directories get watches and, when a
 * pattern matches, their policy (@nl may be NULL while the module is
 * away: the next full sync sets them); removed ones lose theirs.
 */
int dg_sync_cgroup_events(struct dg_sync *s, const struct dg_config *cfg,
			  struct dg_nl *nl);

/*
 * The configured policy in force in cgroup @rel (relative to the cgroup2
 * mount): its own, else its nearest ancestor's; NULL when none.
 */
const struct dg_policy *dg_sync_policy_over(const struct dg_sync *s,
					    const char *rel);

/* The configured policy that produced the kernel policy of cgroup @id. */
const struct dg_policy *dg_sync_policy_of(const struct dg_sync *s, uint64_t id);

#endif /* DG_SYNC_H */
