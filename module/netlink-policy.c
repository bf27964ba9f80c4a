// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: a policy in netlink attributes: the lists and modes of a
 * POLICY_SET request checked and read into a struct dg_policy, and a
 * policy written into a POLICY_GET reply or dump (netlink.c has the ops).
 */
#include <linux/string.h>
#include <net/genetlink.h>

#include "compat.h"
#include "files.h"
#include "net.h"
#include "netlink.h"
#include "netlink-policy.h"
#include "policy.h"

static const u8 dg_lists[] = {
	DRIFTGUARD_A_ALLOW, DRIFTGUARD_A_DENY, DRIFTGUARD_A_WATCH,
	DRIFTGUARD_A_LISTEN_ALLOW, DRIFTGUARD_A_CONNECT_ALLOW,
	DRIFTGUARD_A_WRITABLE, DRIFTGUARD_A_CONFIG,
};

static struct dg_list *dg_policy_list(struct dg_policy *pol, int attr)
{
	switch (attr) {
	case DRIFTGUARD_A_ALLOW:
		return &pol->allow;
	case DRIFTGUARD_A_DENY:
		return &pol->deny;
	case DRIFTGUARD_A_LISTEN_ALLOW:
		return &pol->listen_allow;
	case DRIFTGUARD_A_CONNECT_ALLOW:
		return &pol->connect_allow;
	case DRIFTGUARD_A_WRITABLE:
		return &pol->writable;
	case DRIFTGUARD_A_CONFIG:
		return &pol->config;
	default:
		return &pol->watch;
	}
}

const char *dg_list_entry(struct nlattr *e, size_t max, const char *too_long,
			  struct netlink_ext_ack *extack, int *err)
{
	const char *s;

	if (nla_type(e) != DRIFTGUARD_A_PATTERN) {
		NL_SET_ERR_MSG_ATTR(extack, e,
				    "list entries must be PATTERN attributes");
		*err = -EINVAL;
		return NULL;
	}
	s = nla_data(e);
	if (strnlen(s, nla_len(e)) >= max) {
		/* A static string, as extack requires. */
		if (extack)
			extack->_msg = too_long;
		NL_SET_BAD_ATTR(extack, e);
		*err = -E2BIG;
		return NULL;
	}
	return s;
}

int dg_list_count(struct nlattr *list, const char *s, u32 *count,
		  size_t *bytes, struct netlink_ext_ack *extack)
{
	if (++*count > DRIFTGUARD_LIST_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, list,
				    "too many entries in the list (at most 64)");
		return -E2BIG;
	}
	*bytes += strlen(s) + 1;
	return 0;
}

/* Checks one list; counts its entries and the bytes they need. */
static int dg_list_check(struct nlattr *list, struct netlink_ext_ack *extack,
			 u32 *n, size_t *bytes)
{
	struct nlattr *e;
	const char *s;
	u32 count = 0;
	int rem, err;

	nla_for_each_nested(e, list, rem) {
		s = dg_list_entry(e, DRIFTGUARD_PATTERN_MAX,
				  "pattern longer than 255 bytes", extack, &err);
		if (!s)
			return err;
		if (!s[0]) {
			NL_SET_ERR_MSG_ATTR(extack, e, "empty pattern");
			return -EINVAL;
		}
		if (strchr(s, '/') && s[0] != '/') {
			NL_SET_ERR_MSG_ATTR(extack, e,
					    "a pattern with '/' must be an absolute path");
			return -EINVAL;
		}
		err = dg_list_count(list, s, &count, bytes, extack);
		if (err)
			return err;
	}
	*n += count;
	return 0;
}

static void dg_list_fill(struct dg_policy *pol, struct dg_list *list,
			 struct nlattr *attr, struct dg_pattern **next)
{
	struct nlattr *e;
	int rem;

	list->e = *next;
	if (!attr)
		return;
	nla_for_each_nested(e, attr, rem)
		dg_list_add(pol, list, nla_data(e), strlen(nla_data(e)));
	*next = list->e + list->n;
}

/* Reads the mode attributes into @pol; absent ones stay off. */
int dg_get_modes(struct genl_info *info, struct dg_policy *pol)
{
	const struct dg_mode_field *f;
	struct nlattr *a;
	u8 mode;

	for (f = dg_mode_fields; f < dg_mode_fields + DG_MODE_FIELDS; f++) {
		a = info->attrs[f->attr];
		if (!a)
			continue;
		mode = nla_get_u8(a);
		if (mode > f->max) {
			/* A static string, as extack requires. */
			if (info->extack)
				info->extack->_msg = f->invalid;
			NL_SET_BAD_ATTR(info->extack, a);
			return -EINVAL;
		}
		((u8 *)pol)[f->offset] = mode;
	}
	return 0;
}

/*
 * Checks every list of a POLICY_SET request (@tb); counts their entries
 * and the bytes they need into @n and @bytes, for dg_policy_alloc().
 */
int dg_policy_lists_check(struct nlattr **tb, struct netlink_ext_ack *extack,
			  u32 *n, size_t *bytes)
{
	int i, err;

	for (i = 0; i < ARRAY_SIZE(dg_lists); i++) {
		if (!tb[dg_lists[i]])
			continue;
		if (dg_net_list(dg_lists[i]))
			err = dg_net_list_check(tb[dg_lists[i]], dg_lists[i],
						extack, n, bytes);
		else
			err = dg_list_check(tb[dg_lists[i]], extack, n, bytes);
		if (!err && (dg_lists[i] == DRIFTGUARD_A_WRITABLE ||
			     dg_lists[i] == DRIFTGUARD_A_CONFIG))
			err = dg_files_prefixes_check(tb[dg_lists[i]], extack);
		if (err)
			return err;
	}
	return 0;
}

/* Copies the lists of @tb, checked by dg_policy_lists_check(), into @pol. */
void dg_policy_lists_fill(struct dg_policy *pol, struct nlattr **tb)
{
	struct dg_pattern *next = pol->patterns;
	int i;

	for (i = 0; i < ARRAY_SIZE(dg_lists); i++)
		dg_list_fill(pol, dg_policy_list(pol, dg_lists[i]),
			     tb[dg_lists[i]], &next);
}

/* A dump's min_dump_alloc is a u16; userspace reads with 64 KiB. */
static_assert(DG_POLICY_MSG_MAX <= 65535,
	      "the largest policy no longer fits one netlink message part");

static int dg_put_list(struct sk_buff *msg, int attr, const struct dg_list *l)
{
	struct nlattr *nest;
	u16 i;

	nest = nla_nest_start(msg, attr);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < l->n; i++)
		if (nla_put_string(msg, DRIFTGUARD_A_PATTERN, l->e[i].str))
			return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int dg_put_policy(struct sk_buff *msg, const struct dg_policy *pol,
		  u32 portid, u32 seq, int flags)
{
	const struct dg_mode_field *f;
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &dg_genl_family, flags,
			  DRIFTGUARD_CMD_POLICY_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, DRIFTGUARD_A_CGROUP_ID, pol->cgroup_id,
			      DRIFTGUARD_A_PAD))
		goto cancel;
	for (f = dg_mode_fields; f < dg_mode_fields + DG_MODE_FIELDS; f++)
		if (nla_put_u8(msg, f->attr, dg_mode_get(pol, f)))
			goto cancel;
	if (dg_put_list(msg, DRIFTGUARD_A_ALLOW, &pol->allow) ||
	    dg_put_list(msg, DRIFTGUARD_A_DENY, &pol->deny) ||
	    dg_put_list(msg, DRIFTGUARD_A_WATCH, &pol->watch) ||
	    dg_put_list(msg, DRIFTGUARD_A_LISTEN_ALLOW, &pol->listen_allow) ||
	    dg_put_list(msg, DRIFTGUARD_A_CONNECT_ALLOW, &pol->connect_allow) ||
	    dg_put_list(msg, DRIFTGUARD_A_WRITABLE, &pol->writable) ||
	    dg_put_list(msg, DRIFTGUARD_A_CONFIG, &pol->config))
		goto cancel;
	genlmsg_end(msg, hdr);
	return 0;

cancel:
	genlmsg_cancel(msg, hdr);
	return -EMSGSIZE;
}
