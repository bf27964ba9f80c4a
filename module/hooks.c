// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the hook table (ftrace-attached kernel security functions).
 *
 * Each hook is a raw ftrace_ops on a security_*() function, attached by
 * name. Unlike a kprobe or kretprobe it has no instance pool to run out and
 * is never skipped under load: every call reaches its handler. A handler is
 * an adapter: it copies the arguments into a dg_request, asks dg_decide(),
 * and on denial points the saved instruction pointer at dg_deny(), so the
 * hooked function returns -EPERM to its caller without running. Nothing
 * resolved at run time is ever called. The handlers are in hooks-exec.c,
 * hooks-files.c and hooks-net.c (hooks-handlers.h); this file has their
 * table and installs them.
 */
#include <linux/ftrace.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/string.h>
#include <net/netlink.h>

#include "compat.h"
#include "hooks.h"
#include "hooks-handlers.h"
#include "policy.h"
#include "unchanged.h"

/* Stands in for a denied security_*() call: same effect as its LSM saying no. */
noinline int dg_deny(void)
{
	return -EPERM;
}

struct dg_hook {
	const char *target;
	ftrace_func_t handler;
	bool denies;		/* may redirect the call: needs IPMODIFY */
	bool required;		/* without it the module refuses to load */
	const char *lost;	/* what runs degraded without it */
	/*
	 * A hardening key that needs this hook (a DRIFTGUARD_A_* mode
	 * attribute, or 0), and what a policy that turns it on is told when
	 * the hook cannot be had. A lazy hook is installed only then.
	 */
	u16 key;
	bool lazy;
	const char *unavailable;
	/*
	 * Sees writes for unchanged.c: installed (lazily) once a policy
	 * judges class upper or metadata; without all of them no file is
	 * of class metadata (copied-up image files stay upper).
	 */
	bool writes;
	/* A function of overlay.ko: unhooked when that module goes. */
	bool overlay;
	/*
	 * A function of overlay.ko asked for by a key: while overlay.ko is
	 * not loaded a policy is not refused for its absence (lost says what
	 * runs degraded until it comes, and it is hooked then); while
	 * overlay.ko is loaded it is needed like any other.
	 */
	bool optional;
	/*
	 * What a policy that needs a lazy hook is told when another IPMODIFY
	 * ftrace user (a livepatch) holds its function: install -EBUSY.
	 */
	const char *busy;
	struct ftrace_ops ops;
	bool installed;
	/* A policy asked for this optional overlay.ko hook: hook it again. */
	bool wanted;
	/*
	 * Should be installed and is not (its install failed at load, as a
	 * policy needed it, or as overlay.ko came): driftctl status and
	 * driftguardd's metrics say so, not only the kernel log.
	 */
	bool degraded;
};

#define DG_HELD ": another ftrace user (a livepatch?) holds it"
#define DG_BUSY(key, fn) key ": " fn " cannot be hooked" DG_HELD
#define DG_OVL_OPEN "files: overlay.ko is loaded but its open (ovl_open) cannot be hooked"

/*
 * sb_delete comes first: no anchor may be recorded while a superblock's
 * shutdown could go unseen.
 */
static struct dg_hook dg_hooks[] = {
	{ "security_sb_delete", dg_hook_sb_delete, false, true,
	  "container rootfs anchors could outlive their filesystem" },
	{ "security_bprm_check", dg_hook_bprm_check, true, true,
	  "program starts are not judged" },
	{ "security_mmap_file", dg_hook_mmap_file, true, true,
	  "executable mappings (ld.so, LD_PRELOAD) are not judged" },
	{ "security_file_mprotect", dg_hook_file_mprotect, true, true,
	  "mprotect(PROT_EXEC) of file mappings is not judged" },
	{ "security_inode_copy_up", dg_hook_copy_up, true, false,
	  "no file-drift events for modified image files" },
	{ "security_dentry_create_files_as", dg_hook_create, true, false,
	  "no file-drift events for created files, nor refusals of open(O_CREAT)" },
	{ "cgroup_attach_task", dg_hook_cgroup_attach, true, false,
	  "a container task may move to a cgroup with a weaker policy" },
	{ "cgroup_can_fork", dg_hook_can_fork, true, false,
	  "a container task may clone3() a child into a cgroup with a weaker policy" },
	{ "security_create_user_ns", dg_hook_create_user_ns, true, false,
	  "userns cannot be enforced", DRIFTGUARD_A_USERNS, false,
	  "userns: this kernel's security_create_user_ns cannot be hooked" },
	{ "mem_open", dg_hook_mem_open, true, false,
	  "procmem cannot be enforced", DRIFTGUARD_A_PROCMEM, true,
	  "procmem: this kernel's /proc/<pid>/mem open (mem_open) cannot be hooked",
	  .busy = DG_BUSY("procmem", "mem_open") },
	{ "security_socket_listen", dg_hook_socket_listen, true, false,
	  "listen cannot be enforced", DRIFTGUARD_A_LISTEN, true,
	  "listen: this kernel's security_socket_listen cannot be hooked",
	  .busy = DG_BUSY("listen", "security_socket_listen") },
	{ "security_socket_bind", dg_hook_socket_bind, true, false,
	  "listen cannot be enforced on UDP binds", DRIFTGUARD_A_LISTEN, true,
	  "listen: this kernel's security_socket_bind cannot be hooked",
	  .busy = DG_BUSY("listen", "security_socket_bind") },
	{ "security_socket_connect", dg_hook_socket_connect, true, false,
	  "connect cannot be enforced", DRIFTGUARD_A_CONNECT, true,
	  "connect: this kernel's security_socket_connect cannot be hooked",
	  .busy = DG_BUSY("connect", "security_socket_connect") },
	{ "ovl_write_iter", dg_hook_ovl_write_iter, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_splice_write", dg_hook_ovl_splice_write, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_fallocate", dg_hook_ovl_fallocate, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_copy_file_range", dg_hook_ovl_file_out, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_remap_file_range", dg_hook_ovl_file_out, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "ovl_setattr", dg_hook_ovl_setattr, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true, true },
	{ "security_inode_free", dg_hook_inode_free, false, false,
	  "copied-up image files stay upper", 0, true, NULL, true },
	{ "security_inode_setxattr", dg_hook_setxattr, true, false,
	  "copied-up image files stay upper", DRIFTGUARD_A_FILES, true,
	  "files: this kernel's security_inode_setxattr cannot be hooked",
	  true, .busy = DG_BUSY("files", "security_inode_setxattr") },
	{ "ovl_open", dg_hook_ovl_open, true, false,
	  "files = prevent does not refuse opens for writing of files already in the upper layer",
	  DRIFTGUARD_A_FILES, true,
	  DG_OVL_OPEN, false, true, true, .busy = DG_OVL_OPEN DG_HELD },
#define DG_FILES_HOOK(fn, handler)					\
	{ fn, handler, true, false, "files cannot be enforced",		\
	  DRIFTGUARD_A_FILES, true,					\
	  "files: this kernel's security_inode_* functions cannot be hooked", \
	  .busy = DG_BUSY("files", "a security_inode_* function") }
	DG_FILES_HOOK("security_inode_create", dg_hook_inode_create),
	DG_FILES_HOOK("security_inode_mkdir", dg_hook_inode_mkdir),
	DG_FILES_HOOK("security_inode_mknod", dg_hook_inode_mknod),
	DG_FILES_HOOK("security_inode_symlink", dg_hook_inode_symlink),
	DG_FILES_HOOK("security_inode_link", dg_hook_inode_link),
	DG_FILES_HOOK("security_inode_unlink", dg_hook_inode_unlink),
	DG_FILES_HOOK("security_inode_rmdir", dg_hook_inode_rmdir),
	DG_FILES_HOOK("security_inode_rename", dg_hook_inode_rename),
	DG_FILES_HOOK("security_inode_setattr", dg_hook_inode_setattr),
	DG_FILES_HOOK("security_inode_removexattr", dg_hook_xattr),
#ifdef DRIFTGUARD_HAS_INODE_SET_ACL
	DG_FILES_HOOK("security_inode_set_acl", dg_hook_xattr),
	DG_FILES_HOOK("security_inode_remove_acl", dg_hook_xattr),
#endif
};

/* Serialises lazy installs with each other and with unload. */
static DEFINE_MUTEX(dg_hooks_mutex);
static bool dg_hooks_closing;
/*
 * overlay.ko is going: from its MODULE_STATE_GOING notification until it
 * comes again. ftrace keeps the dying module's records until
 * ftrace_release_mod(), after the notifiers: a hook installed on one in
 * between would keep its address in our filter for the next module's code.
 */
static bool dg_overlay_going;

/*
 * Drops @hook's filter, once its ops are not registered. ftrace_free_filter()
 * frees the hashes but leaves the ops pointing at them (6.1 and 6.12): the
 * next ftrace_set_filter() would copy a freed hash and free it again. A
 * zeroed ops is initialised afresh by ftrace at the next install; an
 * unregistered (dynamic: module memory) ops is no longer referenced.
 */
static void dg_hook_forget(struct dg_hook *hook)
{
	ftrace_free_filter(&hook->ops);
	memset(&hook->ops, 0, sizeof(hook->ops));
}

static int dg_hook_install(struct dg_hook *hook)
{
	char name[KSYM_NAME_LEN];
	int err;

	/*
	 * PERMANENT: ftrace cannot be switched off (sysctl ftrace_enabled)
	 * under our feet. IPMODIFY is exclusive: a livepatch of the same
	 * function makes registration fail loudly with -EBUSY. No SAVE_REGS:
	 * the arguments and the ip are all a handler reads or sets, and the
	 * trampoline that saves only those costs an exec about 30
	 * instructions less than one that saves every register (compat.h).
	 */
	hook->ops.func = hook->handler;
	hook->ops.flags = FTRACE_OPS_FL_PERMANENT;
	if (hook->denies)
		hook->ops.flags |= FTRACE_OPS_FL_IPMODIFY;
	strscpy(name, hook->target, sizeof(name));
	err = ftrace_set_filter(&hook->ops, name, strlen(name), 1);
	if (err)
		return err;
	err = register_ftrace_function(&hook->ops);
	if (err) {
		dg_hook_forget(hook);
		return err;
	}
	hook->installed = true;
	hook->degraded = false;
	return 0;
}

/*
 * Is overlay.ko loaded, as far as ftrace knows? find_module() is not
 * exported (5.12 on) and request_module() would load it: instead, does
 * ftrace have a record of ovl_lookup, overlay.ko's lookup (an inode
 * operation: never inlined, traced, in every supported kernel)? A scratch
 * ops is given it as its filter and dropped at once, never registered.
 * ftrace_set_filter() matches only enabled records (6.1 and 6.12): a
 * module still loading, not yet enabled, is not loaded yet, and the
 * notifier below sees it come. Called with dg_hooks_mutex held, which
 * also serialises the scratch ops.
 */
static bool dg_hooks_overlay_loaded(void)
{
	static struct ftrace_ops probe;
	char name[] = "ovl_lookup";
	bool loaded;

	if (dg_overlay_going)
		return false;
	loaded = !ftrace_set_filter(&probe, name, strlen(name), 1);
	/* As dg_hook_forget(): the freed hashes must not be reused. */
	ftrace_free_filter(&probe);
	memset(&probe, 0, sizeof(probe));
	return loaded;
}

static void dg_hook_uninstall(struct dg_hook *hook)
{
	if (!hook->installed)
		return;
	unregister_ftrace_function(&hook->ops);
	dg_hook_forget(hook);
	hook->installed = false;
}

static void dg_hooks_rollback(int count)
{
	while (count-- > 0)
		dg_hook_uninstall(&dg_hooks[count]);
	/*
	 * A task may have been sent to dg_deny(), or preempted inside a
	 * handler, just before its hook went away: wait until every task has
	 * passed a voluntary schedule, so no code of ours is still running.
	 */
	synchronize_rcu_tasks();
}

/*
 * overlay.ko going away: ftrace would keep our filter on its functions'
 * addresses (another module's code may land there), so unhook them now,
 * before ftrace_release_mod(). Until they are hooked again (the next
 * policy that asks, dg_hooks_want()) nothing is METADATA, and full copies
 * made before are not trusted again: writes through a new overlay.ko
 * could go unseen in between. An optional hook a policy asked for
 * (ovl_open) goes back in as soon as overlay.ko comes again.
 */
static int dg_hooks_module(struct notifier_block *nb, unsigned long state,
			   void *data)
{
	struct module *mod = data;
	struct dg_hook *hook;

	if (strcmp(mod->name, "overlay"))
		return NOTIFY_DONE;
	mutex_lock(&dg_hooks_mutex);
	if (state == MODULE_STATE_COMING)
		dg_overlay_going = false;
	if (state == MODULE_STATE_GOING) {
		dg_overlay_going = true;
		dg_unchanged_stop();
		for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks);
		     hook++)
			if (hook->overlay) {
				dg_hook_uninstall(hook);
				/* No overlay mount is left for it to miss. */
				hook->degraded = false;
			}
	} else if (state == MODULE_STATE_COMING && !dg_hooks_closing) {
		/*
		 * ftrace knows the new module's functions by now
		 * (ftrace_module_enable() runs before this notifier), and
		 * nothing of it has run yet: an optional hook a policy asked
		 * for misses no call.
		 */
		for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks);
		     hook++) {
			int err;

			if (!hook->overlay || !hook->wanted || hook->installed)
				continue;
			err = dg_hook_install(hook);
			hook->degraded = err != 0;
			if (err)
				pr_warn("cannot hook %s (%d) as overlay loads: %s\n",
					hook->target, err, hook->lost);
			else
				pr_info("hooked %s: overlay loaded\n",
					hook->target);
		}
	}
	mutex_unlock(&dg_hooks_mutex);
	return NOTIFY_DONE;
}

static struct notifier_block dg_hooks_module_nb = {
	.notifier_call = dg_hooks_module,
};

int dg_hooks_init(void)
{
	int i, err;

	err = register_module_notifier(&dg_hooks_module_nb);
	if (err)
		return err;

	for (i = 0; i < ARRAY_SIZE(dg_hooks); i++) {
		if (dg_hooks[i].lazy)
			continue;
		err = dg_hook_install(&dg_hooks[i]);
		if (!err)
			continue;
		if (dg_hooks[i].required) {
			pr_err("cannot hook %s (%d): %s; not loading\n",
			       dg_hooks[i].target, err, dg_hooks[i].lost);
			dg_hooks_rollback(i);
			unregister_module_notifier(&dg_hooks_module_nb);
			return err;
		}
		pr_warn("cannot hook %s (%d): %s\n", dg_hooks[i].target, err,
			dg_hooks[i].lost);
		dg_hooks[i].degraded = true;
	}
	return 0;
}

/* The value of mode attribute @attr in @pol. */
static u8 dg_policy_mode(const struct dg_policy *pol, u16 attr)
{
	int i;

	for (i = 0; i < DG_MODE_FIELDS; i++)
		if (dg_mode_fields[i].attr == attr)
			return dg_mode_get(pol, &dg_mode_fields[i]);
	return DRIFTGUARD_MODE_OFF;
}

int dg_hooks_want(const struct dg_policy *pol, const char **why)
{
	bool writes = pol->mode || pol->metadata, all = true;
	struct dg_hook *hook;
	int err = 0;

	mutex_lock(&dg_hooks_mutex);
	for (hook = dg_hooks; hook < dg_hooks + ARRAY_SIZE(dg_hooks); hook++) {
		bool asked = hook->key && dg_policy_mode(pol, hook->key);
		bool wanted = hook->wanted;
		int ierr = 0;	/* not tried now (installed at load, or not) */

		if (asked && hook->optional)
			hook->wanted = true;
		if (hook->installed || (!asked && !(writes && hook->writes)))
			continue;
		if (hook->lazy && !dg_hooks_closing &&
		    !(hook->overlay && dg_overlay_going)) {
			ierr = dg_hook_install(hook);
			if (!ierr) {
				pr_info("hooked %s: a policy asks for it\n",
					hook->target);
				continue;
			}
		}
		/*
		 * An optional hook of overlay.ko is hooked when overlay.ko
		 * comes, if it is not loaded yet. Loaded, it is not optional:
		 * the policy would silently do less than it says.
		 */
		if (asked && hook->optional && !dg_hooks_overlay_loaded()) {
			pr_warn_ratelimited("cannot hook %s now: until it is, %s\n",
					    hook->target, hook->lost);
			continue;
		}
		if (!asked) {
			pr_warn_once("cannot hook %s: %s\n", hook->target,
				     hook->lost);
			hook->degraded = true;
			all = false;
			continue;
		}
		hook->wanted = wanted;
		pr_warn_ratelimited("cannot hook %s (%d): refusing a policy that needs it\n",
				    hook->target, ierr);
		*why = ierr == -EBUSY && hook->busy ? hook->busy :
						      hook->unavailable;
		err = -EOPNOTSUPP;
		break;
	}
	/* Copy-ups are remembered only once every write is seen. */
	for (hook = dg_hooks; writes && all && hook < dg_hooks + ARRAY_SIZE(dg_hooks);
	     hook++)
		if (hook->writes && !hook->installed)
			all = false;
	if (writes && all)
		dg_unchanged_start();
	mutex_unlock(&dg_hooks_mutex);
	return err;
}

int dg_hooks_put_degraded(struct sk_buff *msg, int attr)
{
	struct nlattr *nest = nla_nest_start(msg, attr);
	struct dg_hook *hook;
	char line[160];
	int err = 0;

	if (!nest)
		return -EMSGSIZE;
	mutex_lock(&dg_hooks_mutex);
	for (hook = dg_hooks; !err && hook < dg_hooks + ARRAY_SIZE(dg_hooks);
	     hook++) {
		if (!hook->degraded || hook->installed)
			continue;
		snprintf(line, sizeof(line), "%s: %s", hook->target, hook->lost);
		err = nla_put_string(msg, DRIFTGUARD_A_PATTERN, line);
	}
	mutex_unlock(&dg_hooks_mutex);
	if (err)
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

void dg_hooks_exit(void)
{
	unregister_module_notifier(&dg_hooks_module_nb);
	mutex_lock(&dg_hooks_mutex);
	dg_hooks_closing = true;
	mutex_unlock(&dg_hooks_mutex);
	dg_hooks_rollback(ARRAY_SIZE(dg_hooks));
}
