/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the one decision function, and the global controls. */
#ifndef DRIFTGUARD_DECIDE_H
#define DRIFTGUARD_DECIDE_H

#include <linux/binfmts.h>
#include <linux/cgroup.h>
#include <linux/path.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/driftguard.h>

/* What a hook asks about: filled by the hook adapters in hooks-exec.c. */
struct dg_request {
	enum driftguard_hook hook;
	const struct path *path;	/* the file as the user sees it */
	const char *asked;		/* exec: the name asked for at this level */
	const char *filename;		/* exec: the name given to execve */
	/* exec: the exec, for a script's interpreter (dg_bprm_interp()) */
	const struct linux_binprm *bprm;
	bool in_exec;			/* mmap: made by the kernel during exec */
};

/*
 * Decides whether the current task may run or map @req's file.
 *
 * Return: 0 to allow, -EPERM to deny. Never sleeps.
 */
int dg_decide(const struct dg_request *req);

/*
 * Decides a hardening question about the current task: @class is
 * DRIFTGUARD_CLASS_USERNS, _EXECMEM or _PROCMEM, judged by the policy key
 * of that name alone; @path is the file concerned, or NULL.
 *
 * Return: 0 to allow, -EPERM to deny. Never sleeps.
 */
int dg_decide_harden(enum driftguard_class class, enum driftguard_hook hook,
		     const struct path *path);

/*
 * Is the current task still in the initial mount namespace: the host, or a
 * runtime that has not yet entered the container it sets up?
 */
static inline bool dg_task_on_host(void)
{
	return !current->nsproxy ||
	       current->nsproxy->mnt_ns == init_task.nsproxy->mnt_ns;
}

/*
 * Decides whether the current task may move @task (a thread, or a whole
 * process led by it) into @dst. A move from a policy to a weaker one (or to
 * none) is logged; it is refused when the mover is a container task (not in
 * the initial mount namespace) and alert-only is off.
 *
 * Return: 0 to allow, -EPERM to deny. Never sleeps.
 */
int dg_decide_attach(struct cgroup *dst, struct task_struct *task);

/*
 * Reports file drift by the current task: @hook is COPY_UP (an image file
 * got an upper copy) or CREATE (a new upper-layer file). Never sleeps.
 */
void dg_observe(enum driftguard_hook hook, struct dentry *dentry);

/*
 * A per-CPU PATH_MAX scratch buffer (one of two) for a hook that holds
 * preemption disabled until it is done with it.
 */
char *dg_decide_pathbuf(bool second);

/* Scratch space for the decisions: before the hooks, after them. */
int dg_decide_init(void);
void dg_decide_exit(void);

/* Global controls, set over netlink. */
bool dg_alert_only(void);
void dg_set_alert_only(bool on);
bool dg_locked(void);
void dg_lock(void);

#endif /* DRIFTGUARD_DECIDE_H */
