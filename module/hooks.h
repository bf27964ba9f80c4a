/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the hook table (ftrace-attached kernel security functions). */
#ifndef DRIFTGUARD_HOOKS_H
#define DRIFTGUARD_HOOKS_H

int dg_hooks_init(void);
void dg_hooks_exit(void);

#endif /* DRIFTGUARD_HOOKS_H */
