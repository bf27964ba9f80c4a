// SPDX-License-Identifier: GPL-2.0
/*
 * dg_ipmodify_holder: a test stand-in for a livepatch. It holds the kernel
 * function named by its "func" parameter with an IPMODIFY ftrace_ops, as
 * a livepatch of that function does, so driftguard's own IPMODIFY hook on
 * it cannot be installed (-EBUSY) while this module is loaded. Its handler
 * changes nothing: the function runs as before. With "on_load" naming a
 * module (overlay), the function (one of that module's) is held as that
 * module comes, from a module notifier that runs before driftguard's, as
 * a livepatch of that module is applied then. Test use only: not part of
 * the DKMS package or of make install.
 */
#include <linux/ftrace.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/string.h>

static char *func;
module_param(func, charp, 0444);
MODULE_PARM_DESC(func, "the traceable function to hold with IPMODIFY");
static char *on_load;
module_param(on_load, charp, 0444);
MODULE_PARM_DESC(on_load, "hold func only as this module loads");
static bool dg_holding;

static void notrace dg_holder_handler(unsigned long ip, unsigned long pip,
				      struct ftrace_ops *ops,
				      struct ftrace_regs *fregs)
{
}

static struct ftrace_ops dg_holder_ops = {
	.func = dg_holder_handler,
	.flags = FTRACE_OPS_FL_IPMODIFY,
};

static int dg_holder_hold(void)
{
	int err;

	err = ftrace_set_filter(&dg_holder_ops, func, strlen(func), 1);
	if (err) {
		pr_err("dg_ipmodify_holder: no traceable function %s (%d)\n",
		       func, err);
		return err;
	}
	err = register_ftrace_function(&dg_holder_ops);
	if (err) {
		pr_err("dg_ipmodify_holder: cannot hold %s (%d)\n", func, err);
		ftrace_free_filter(&dg_holder_ops);
		return err;
	}
	pr_info("dg_ipmodify_holder: holding %s\n", func);
	dg_holding = true;
	return 0;
}

/* ftrace knows a coming module's functions before its notifiers run. */
static int dg_holder_module(struct notifier_block *nb, unsigned long state,
			    void *data)
{
	struct module *mod = data;

	if (state == MODULE_STATE_COMING && !dg_holding &&
	    !strcmp(mod->name, on_load))
		dg_holder_hold();
	return NOTIFY_DONE;
}

static struct notifier_block dg_holder_nb = {
	.notifier_call = dg_holder_module,
	.priority = INT_MAX,	/* before driftguard's (0) */
};

static int __init dg_holder_init(void)
{
	if (!func || !*func)
		return -EINVAL;
	if (on_load && *on_load)
		return register_module_notifier(&dg_holder_nb);
	return dg_holder_hold();
}

static void __exit dg_holder_exit(void)
{
	if (on_load && *on_load)
		unregister_module_notifier(&dg_holder_nb);
	if (!dg_holding)
		return;
	unregister_ftrace_function(&dg_holder_ops);
	ftrace_free_filter(&dg_holder_ops);
}

module_init(dg_holder_init);
module_exit(dg_holder_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("driftguard tests: holds a function with IPMODIFY, as a livepatch would");
