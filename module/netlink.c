// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the generic netlink family.
 *
 * Every op says in its internal_flags whether it reads or changes
 * enforcement, and dg_permitted() checks the sender's capabilities against
 * that, in the initial user namespace; the family is not netnsok, so it is
 * reachable from the initial network namespace only. Requests are validated
 * strictly against per-op policies, and every rejection carries an extack
 * message naming the attribute. A request either applies completely or
 * changes nothing.
 */
#include <linux/capability.h>
#include <linux/cgroup.h>
#include <linux/module.h>
#include <linux/nsproxy.h>
#include <net/genetlink.h>

#include "compat.h"
#include "decide.h"
#include "hooks.h"
#include "lock.h"
#include "net.h"
#include "netlink.h"
#include "netlink-policy.h"
#include "policy.h"
#include "stats.h"

/*
 * The length of a PATTERN is checked by dg_list_check(), not here: policy
 * validation would refuse a long one with a message that names no limit.
 */
static const struct nla_policy dg_list_policy[DRIFTGUARD_A_MAX + 1] = {
	[DRIFTGUARD_A_PATTERN] = { .type = NLA_NUL_STRING },
};

/* Strict validation rejects every attribute a policy leaves unspecified. */
static const struct nla_policy dg_none_policy[DRIFTGUARD_A_MAX + 1] = { };

static const struct nla_policy dg_cgroup_policy[DRIFTGUARD_A_MAX + 1] = {
	[DRIFTGUARD_A_CGROUP_ID] = { .type = NLA_U64 },
};

static const struct nla_policy dg_policy_set_policy[DRIFTGUARD_A_MAX + 1] = {
	[DRIFTGUARD_A_CGROUP_ID] = { .type = NLA_U64 },
	[DRIFTGUARD_A_MODE] = { .type = NLA_U8 },
	[DRIFTGUARD_A_MEMFD] = { .type = NLA_U8 },
	[DRIFTGUARD_A_VOLUME] = { .type = NLA_U8 },
	[DRIFTGUARD_A_METADATA] = { .type = NLA_U8 },
	[DRIFTGUARD_A_MMAP] = { .type = NLA_U8 },
	[DRIFTGUARD_A_FILES] = { .type = NLA_U8 },
	[DRIFTGUARD_A_USERNS] = { .type = NLA_U8 },
	[DRIFTGUARD_A_EXECMEM] = { .type = NLA_U8 },
	[DRIFTGUARD_A_PROCMEM] = { .type = NLA_U8 },
	[DRIFTGUARD_A_ALLOW] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_DENY] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_WATCH] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_LISTEN] = { .type = NLA_U8 },
	[DRIFTGUARD_A_CONNECT] = { .type = NLA_U8 },
	[DRIFTGUARD_A_LOOPBACK] = { .type = NLA_U8 },
	[DRIFTGUARD_A_LISTEN_ALLOW] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_CONNECT_ALLOW] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_WRITABLE] = NLA_POLICY_NESTED(dg_list_policy),
	[DRIFTGUARD_A_CONFIG] = NLA_POLICY_NESTED(dg_list_policy),
};

static const struct nla_policy dg_config_policy[DRIFTGUARD_A_MAX + 1] = {
	[DRIFTGUARD_A_ALERT_ONLY] = { .type = NLA_U8 },
};

/* --- who may do what ------------------------------------------------------ */

/*
 * What an op needs, in its internal_flags. An op without either is refused.
 *
 * Changing enforcement needs CAP_MAC_ADMIN, what the LSMs ask of whoever
 * loads their policies, or CAP_SYS_ADMIN: CAP_NET_ADMIN alone, which a
 * hostNetwork pod of a CNI plugin or VPN agent holds, must not switch a node
 * to alert-only or delete its policies. Reading the counters and policies
 * changes nothing and is what health probes and monitoring do, so
 * CAP_NET_ADMIN is enough for it (as GENL_ADMIN_PERM had it), and so is
 * either of the others, so that driftguardd needs no CAP_NET_ADMIN.
 */
#define DG_OP_READ	BIT(0)
#define DG_OP_WRITE	BIT(1)

/*
 * netlink_capable() checks both the opener of the socket and the sender, so
 * a socket handed from a privileged process to another grants nothing.
 */
static int dg_permitted(const struct sk_buff *skb, u8 need,
			struct netlink_ext_ack *extack)
{
	if (need == DG_OP_READ && netlink_capable(skb, CAP_NET_ADMIN))
		return 0;
	if ((need == DG_OP_READ || need == DG_OP_WRITE) &&
	    (netlink_capable(skb, CAP_MAC_ADMIN) ||
	     netlink_capable(skb, CAP_SYS_ADMIN)))
		return 0;
	if (need == DG_OP_READ)
		NL_SET_ERR_MSG(extack,
			       "permission denied: needs CAP_NET_ADMIN, CAP_MAC_ADMIN or CAP_SYS_ADMIN");
	else
		NL_SET_ERR_MSG(extack,
			       "permission denied: needs CAP_MAC_ADMIN or CAP_SYS_ADMIN (CAP_NET_ADMIN is not enough)");
	return -EPERM;
}

/* Runs before every doit; dumps check in their start callback. */
static int dg_pre_doit(const struct dg_genl_op *ops, struct sk_buff *skb,
		       struct genl_info *info)
{
	return dg_permitted(skb, ops->internal_flags, info->extack);
}

/* --- status ------------------------------------------------------------ */

static int dg_put_stats(struct sk_buff *msg)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(msg, DRIFTGUARD_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
		if (nla_put_u64_64bit(msg, i + 1, dg_stat_read(i),
				      DRIFTGUARD_A_PAD))
			return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int dg_status_get(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &dg_genl_family, 0,
				DRIFTGUARD_CMD_STATUS_GET);
	if (!hdr ||
	    nla_put_string(msg, DRIFTGUARD_A_VERSION, DRIFTGUARD_VERSION) ||
	    nla_put_u8(msg, DRIFTGUARD_A_ALERT_ONLY, dg_alert_only()) ||
	    nla_put_u8(msg, DRIFTGUARD_A_LOCKED, dg_locked()) ||
	    nla_put_u32(msg, DRIFTGUARD_A_POLICIES, dg_policy_count()) ||
	    dg_put_stats(msg) ||
	    dg_hooks_put_degraded(msg, DRIFTGUARD_A_DEGRADED)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* --- policies ---------------------------------------------------------- */

static int dg_policy_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **tb = info->attrs;
	struct dg_policy *pol;
	struct cgroup *cgrp;
	const char *why = NULL;
	size_t bytes = 0;
	u32 n = 0;
	u64 id;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRIFTGUARD_A_CGROUP_ID))
		return -EINVAL;
	id = nla_get_u64(tb[DRIFTGUARD_A_CGROUP_ID]);
	cgrp = cgroup_get_from_id(id);
	if (IS_ERR(cgrp)) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[DRIFTGUARD_A_CGROUP_ID],
				    "cgroup_id: no such cgroup v2 cgroup");
		return -ENOENT;
	}
	cgroup_put(cgrp);
	err = dg_policy_lists_check(tb, info->extack, &n, &bytes);
	if (err)
		return err;

	pol = dg_policy_alloc(n, bytes);
	if (!pol)
		return -ENOMEM;
	pol->cgroup_id = id;
	err = dg_get_modes(info, pol);
	if (!err) {
		err = dg_hooks_want(pol, &why);
		if (err && info->extack)
			info->extack->_msg = why;	/* static, in hooks.c */
	}
	if (err) {
		dg_policy_free(pol);
		return err;
	}
	dg_policy_lists_fill(pol, tb);
	err = dg_net_compile(pol);
	if (err) {
		dg_policy_free(pol);
		return err;
	}

	err = dg_policy_set(pol, dg_locked(), &why);
	if (err && why && info->extack)
		info->extack->_msg = why;	/* a static string from policy.c */
	return err;
}

static int dg_policy_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct dg_policy *pol;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRIFTGUARD_A_CGROUP_ID))
		return -EINVAL;
	/* Sized for the largest policy: the allocation may sleep, RCU not. */
	msg = nlmsg_new(DG_POLICY_MSG_MAX, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rcu_read_lock();
	pol = dg_policy_get(nla_get_u64(info->attrs[DRIFTGUARD_A_CGROUP_ID]));
	err = pol ? dg_put_policy(msg, pol, info->snd_portid, info->snd_seq, 0)
		  : -ENOENT;
	rcu_read_unlock();
	if (err) {
		if (err == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack,
					    info->attrs[DRIFTGUARD_A_CGROUP_ID],
					    "cgroup_id: this cgroup has no policy of its own");
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

struct dg_dump {
	struct sk_buff *skb;
	struct netlink_callback *cb;
	int count;
};

static int dg_dump_one(const struct dg_policy *pol, void *arg)
{
	struct dg_dump *d = arg;
	int err;

	err = dg_put_policy(d->skb, pol, NETLINK_CB(d->cb->skb).portid,
			    d->cb->nlh->nlmsg_seq, NLM_F_MULTI);
	if (!err)
		d->count++;
	return err;
}

static int dg_policy_get_start(struct netlink_callback *cb)
{
	/* netlink_dump() allocates at least this much for every part. */
	cb->min_dump_alloc = DG_POLICY_MSG_MAX;
	return dg_permitted(cb->skb, DG_OP_READ, cb->extack);
}

static int dg_policy_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct dg_dump d = { .skb = skb, .cb = cb };
	unsigned long *pos = (unsigned long *)&cb->args[0];
	int err;

	err = dg_policy_walk(pos, dg_dump_one, &d);
	/* A full skb ends this part of the dump; the next resumes at @pos. */
	if (err == -EMSGSIZE && d.count)
		return skb->len;
	return err ?: skb->len;
}

/*
 * Has the cgroup @id been removed? Its id never resolves again: ids are
 * not reused, and a removed cgroup's kernfs node is deactivated at rmdir
 * (the cgroup itself may linger, dying, with no task able to exec in it).
 * cgroup_get_from_id() also fails for a cgroup outside the caller's cgroup
 * namespace, so only a caller whose namespace is rooted at the top of the
 * hierarchy can tell a removed cgroup from one it cannot see.
 */
static bool dg_cgroup_removed(u64 id)
{
	struct cgroup_namespace *ns = current->nsproxy->cgroup_ns;
	struct cgroup *cgrp;

	if (cgroup_parent(ns->root_cset->dfl_cgrp))
		return false;
	cgrp = cgroup_get_from_id(id);
	if (!IS_ERR_OR_NULL(cgrp)) {
		cgroup_put(cgrp);
		return false;
	}
	return true;
}

static int dg_policy_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *id = info->attrs[DRIFTGUARD_A_CGROUP_ID];
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRIFTGUARD_A_CGROUP_ID))
		return -EINVAL;
	/*
	 * A removed cgroup has no tasks and no descendants, and cannot come
	 * back: deleting its policy loosens nothing, and keeping it would
	 * let locked policies grow without bound.
	 */
	if (dg_locked() && !dg_cgroup_removed(nla_get_u64(id))) {
		NL_SET_ERR_MSG(info->extack,
			       "locked: policies cannot be deleted until reboot (except those of removed cgroups)");
		return -EPERM;
	}
	err = dg_policy_del(nla_get_u64(id));
	if (err == -ENOENT)
		NL_SET_ERR_MSG_ATTR(info->extack, id,
				    "cgroup_id: this cgroup has no policy of its own");
	return err;
}

/* --- global controls --------------------------------------------------- */

static int dg_config_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *a = info->attrs[DRIFTGUARD_A_ALERT_ONLY];
	u8 on;

	if (GENL_REQ_ATTR_CHECK(info, DRIFTGUARD_A_ALERT_ONLY))
		return -EINVAL;
	on = nla_get_u8(a);
	if (on > 1) {
		NL_SET_ERR_MSG_ATTR(info->extack, a, "alert_only: must be 0 or 1");
		return -EINVAL;
	}
	if (on && dg_locked()) {
		NL_SET_ERR_MSG_ATTR(info->extack, a,
				    "locked: alert-only cannot be set until reboot");
		return -EPERM;
	}
	dg_set_alert_only(on);
	return 0;
}

static int dg_lock_doit(struct sk_buff *skb, struct genl_info *info)
{
	/* Ops run one at a time (genl_mutex): the lock is taken once. */
	if (!dg_locked()) {
		dg_lock_module();
		dg_set_alert_only(false);
		dg_lock();
		pr_notice("locked until reboot by pid %d: policies can only be tightened, and rmmod, even rmmod -f, is refused\n",
			  task_pid_nr(current));
	}
	return 0;
}

static const struct genl_ops dg_genl_ops[] = {
	{
		.cmd = DRIFTGUARD_CMD_STATUS_GET,
		.doit = dg_status_get,
		.policy = dg_none_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_READ,
	}, {
		.cmd = DRIFTGUARD_CMD_POLICY_SET,
		.doit = dg_policy_set_doit,
		.policy = dg_policy_set_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_WRITE,
	}, {
		.cmd = DRIFTGUARD_CMD_POLICY_GET,
		.doit = dg_policy_get_doit,
		.start = dg_policy_get_start,
		.dumpit = dg_policy_get_dumpit,
		.policy = dg_cgroup_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_READ,
	}, {
		.cmd = DRIFTGUARD_CMD_POLICY_DEL,
		.doit = dg_policy_del_doit,
		.policy = dg_cgroup_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_WRITE,
	}, {
		.cmd = DRIFTGUARD_CMD_CONFIG_SET,
		.doit = dg_config_set_doit,
		.policy = dg_config_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_WRITE,
	}, {
		.cmd = DRIFTGUARD_CMD_LOCK,
		.doit = dg_lock_doit,
		.policy = dg_none_policy,
		.maxattr = DRIFTGUARD_A_MAX,
		.internal_flags = DG_OP_WRITE,
	},
};

static const struct genl_multicast_group dg_mcgrps[] = {
	/*
	 * Events tell what runs in every container. Joining is checked at
	 * bind time, where the kernels offer CAP_NET_ADMIN or CAP_SYS_ADMIN
	 * only (a family's bind callback cannot refuse): CAP_SYS_ADMIN.
	 */
	{ .name = DRIFTGUARD_MCGRP_EVENTS, .flags = GENL_MCAST_CAP_SYS_ADMIN },
};

struct genl_family dg_genl_family __ro_after_init = {
	.name = DRIFTGUARD_GENL_NAME,
	.version = DRIFTGUARD_GENL_VERSION,
	.maxattr = DRIFTGUARD_A_MAX,
	.module = THIS_MODULE,
	.pre_doit = dg_pre_doit,
	.ops = dg_genl_ops,
	.n_ops = ARRAY_SIZE(dg_genl_ops),
	.mcgrps = dg_mcgrps,
	.n_mcgrps = ARRAY_SIZE(dg_mcgrps),
};

int __init dg_netlink_init(void)
{
	return genl_register_family(&dg_genl_family);
}

void dg_netlink_exit(void)
{
	genl_unregister_family(&dg_genl_family);
}
