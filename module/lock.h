/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: keeping the module loaded once it is locked. */
#ifndef DRIFTGUARD_LOCK_H
#define DRIFTGUARD_LOCK_H

/*
 * Makes the module impossible to unload until reboot, with rmmod -f too.
 * Called once, when the lock is taken; there is no undo.
 */
void dg_lock_module(void);

#endif /* DRIFTGUARD_LOCK_H */
