/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: a policy in netlink attributes (POLICY_SET in, POLICY_GET out). */
#ifndef DRIFTGUARD_NETLINK_POLICY_H
#define DRIFTGUARD_NETLINK_POLICY_H

#include <net/genetlink.h>
#include <linux/driftguard.h>

#include "netrule.h"
#include "policy.h"

/*
 * The largest policy's message: three full lists of the longest patterns,
 * the two network lists and the two prefix lists full, about 63.5 KiB.
 * Every part of a dump has room for one, so a dump never meets a policy it
 * cannot carry.
 */
#define DG_LIST_MSG_MAX (NLA_HDRLEN + DRIFTGUARD_LIST_MAX * \
			 NLA_ALIGN(NLA_HDRLEN + DRIFTGUARD_PATTERN_MAX))
#define DG_NET_LIST_MSG_MAX (NLA_HDRLEN + DRIFTGUARD_LIST_MAX * \
			     NLA_ALIGN(NLA_HDRLEN + DG_NETRULE_MAX))
#define DG_PREFIX_MSG_MAX (NLA_HDRLEN + DRIFTGUARD_PREFIX_LIST_MAX * \
			   NLA_ALIGN(NLA_HDRLEN + DRIFTGUARD_PATTERN_MAX))
#define DG_POLICY_MSG_MAX (NLMSG_ALIGN(NLMSG_HDRLEN + GENL_HDRLEN) + \
			   2 * NLA_ALIGN(NLA_HDRLEN + 8) + \
			   DG_MODE_FIELDS * NLA_ALIGN(NLA_HDRLEN + 1) + \
			   3 * DG_LIST_MSG_MAX + 2 * DG_NET_LIST_MSG_MAX + \
			   2 * DG_PREFIX_MSG_MAX)

/*
 * The string of list entry @e: NULL if @e is not a PATTERN attribute or its
 * string is @max bytes or longer (@too_long, a static string, says so), with
 * @extack set and *@err the error.
 */
const char *dg_list_entry(struct nlattr *e, size_t max, const char *too_long,
			  struct netlink_ext_ack *extack, int *err);
/*
 * Counts entry @s of @list in *@count and its bytes in *@bytes: -E2BIG,
 * with @extack set, past DRIFTGUARD_LIST_MAX entries.
 */
int dg_list_count(struct nlattr *list, const char *s, u32 *count,
		  size_t *bytes, struct netlink_ext_ack *extack);
int dg_policy_lists_check(struct nlattr **tb, struct netlink_ext_ack *extack,
			  u32 *n, size_t *bytes);
int dg_get_modes(struct genl_info *info, struct dg_policy *pol);
void dg_policy_lists_fill(struct dg_policy *pol, struct nlattr **tb);
int dg_put_policy(struct sk_buff *msg, const struct dg_policy *pol,
		  u32 portid, u32 seq, int flags);

#endif /* DRIFTGUARD_NETLINK_POLICY_H */
