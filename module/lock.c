// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: keeping the module loaded once it is locked.
 *
 * What delete_module() (kernel/module/main.c, the same in 6.1 and 6.12)
 * does with "rmmod -f", which Debian's kernels allow
 * (CONFIG_MODULE_FORCE_UNLOAD=y):
 *
 *  - A module whose reference is held (try_module_get, never put) is
 *    refused without -f; with -f the reference is ignored, the module's
 *    exit runs and it is gone.
 *  - A module without an exit function is refused without -f; with -f it
 *    is freed *without* an exit: our ftrace hooks would then call into
 *    freed memory. That is why the module keeps its exit.
 *  - A module that another module uses (a non-empty source_list) is
 *    refused with EWOULDBLOCK before -f is looked at.
 *
 * So the lock also records the module as a user of itself: nothing can
 * then be removed first to free it, and rmmod fails, with or without -f,
 * until reboot. /proc/modules (lsmod) shows it as "used by driftguard".
 * What remains is whoever can load a module of their own or write kernel
 * memory; lockdown and module signature enforcement close that (README).
 */
#include <linux/module.h>
#include <linux/rculist.h>

#include "compat.h"
#include "lock.h"

#ifdef CONFIG_MODULE_UNLOAD
/* Never unlinked: the module that holds it is never freed. */
static struct module_use dg_self_use;
#endif

void dg_lock_module(void)
{
	__module_get(THIS_MODULE);
#ifdef CONFIG_MODULE_UNLOAD
	/*
	 * module_mutex, which guards these lists, is not exported. Nobody
	 * else writes this list: another module is added to it only when it
	 * links against our symbols, and we export none. Readers (rmmod,
	 * /proc/modules) hold module_mutex and never free entries, so
	 * publishing the complete entry with list_add_rcu() is enough.
	 */
	dg_self_use.source = THIS_MODULE;
	dg_self_use.target = THIS_MODULE;
	INIT_LIST_HEAD(&dg_self_use.target_list);
	list_add_rcu(&dg_self_use.source_list, &THIS_MODULE->source_list);
#endif
}
