/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the hook table (ftrace-attached kernel security functions). */
#ifndef DRIFTGUARD_HOOKS_H
#define DRIFTGUARD_HOOKS_H

struct dg_policy;
struct sk_buff;

int dg_hooks_init(void);

/*
 * Makes sure every hook @pol's hardening keys need is in place, installing
 * a lazy one now. Sleeps. On failure, @why (a static string) says which
 * key cannot be had, and why when another ftrace user holds its hook.
 */
int dg_hooks_want(const struct dg_policy *pol, const char **why);
void dg_hooks_exit(void);

/*
 * Puts into @msg a nest @attr of DRIFTGUARD_A_PATTERN strings, "function:
 * what is lost", one for each hook the module runs without although it
 * should have it: one whose install failed at load, a write hook a policy
 * needed, or an optional overlay.ko hook a policy asked for that could not
 * be installed as overlay.ko came. Returns 0 or -EMSGSIZE. Sleeps.
 */
int dg_hooks_put_degraded(struct sk_buff *msg, int attr);

#endif /* DRIFTGUARD_HOOKS_H */
