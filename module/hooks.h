/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the hook table (ftrace-attached kernel security functions). */
#ifndef DRIFTGUARD_HOOKS_H
#define DRIFTGUARD_HOOKS_H

struct dg_policy;

int dg_hooks_init(void);

/*
 * Makes sure every hook @pol's hardening keys need is in place, installing
 * a lazy one now. Sleeps. On failure, @why (a static string) says which
 * key cannot be had, and why when another ftrace user holds its hook.
 */
int dg_hooks_want(const struct dg_policy *pol, const char **why);
void dg_hooks_exit(void);

#endif /* DRIFTGUARD_HOOKS_H */
