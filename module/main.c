// SPDX-License-Identifier: GPL-2.0
/* driftguard: module init and exit. */
#include <linux/module.h>

#include "anchor.h"
#include "decide.h"
#include "events.h"
#include "hooks.h"
#include "netlink.h"
#include "policy.h"
#include "unchanged.h"
#include "verdict.h"

/*
 * Order: the hooks come last, so that every decision finds the family and
 * the event queue in place; exit undoes init in reverse, so no hook runs
 * once the queue and the policies are torn down.
 */
static int __init dg_init(void)
{
	int err;

	/* A module that judges its own table wrongly must not enforce. */
	err = dg_selftest();
	if (err)
		return err;
	err = dg_netlink_init();
	if (err)
		goto err_netlink;
	err = dg_events_init();
	if (err)
		goto err_events;
	err = dg_decide_init();
	if (err)
		goto err_decide;
	err = dg_hooks_init();
	if (err)
		goto err_hooks;

	pr_info("version %s loaded\n", DRIFTGUARD_VERSION);
	return 0;

err_hooks:
	dg_unchanged_exit();
	dg_anchor_exit();
	dg_decide_exit();
err_decide:
	dg_events_exit();
err_events:
	dg_netlink_exit();
err_netlink:
	dg_policy_exit();
	return err;
}

static void __exit dg_exit(void)
{
	/*
	 * The lock refuses rmmod, -f included (lock.c): getting here locked
	 * means something removed the module anyway. Say so loudly, first.
	 */
	if (dg_locked())
		pr_crit("unloaded although locked: enforcement ends now\n");
	dg_hooks_exit();
	dg_unchanged_exit();
	dg_anchor_exit();
	dg_decide_exit();
	dg_events_exit();
	dg_netlink_exit();
	dg_policy_exit();
	pr_info("version %s unloaded\n", DRIFTGUARD_VERSION);
}

module_init(dg_init);
module_exit(dg_exit);

MODULE_LICENSE("GPL");
MODULE_VERSION(DRIFTGUARD_VERSION);
MODULE_DESCRIPTION("Container drift prevention: deny programs that are not part of the container image");
MODULE_AUTHOR("The driftguard developers");
