// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: a generic netlink client for the driftguard family. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>

#include "names.h"
#include "nl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int dg_nl_open(struct dg_nl *nl)
{
	int one = 1;
	int err;

	memset(nl, 0, sizeof(*nl));
	nl->events_group = -1;
	nl->sock = nl_socket_alloc();
	if (!nl->sock)
		return -ENOMEM;
	err = genl_connect(nl->sock);
	if (err < 0) {
		err = -ECONNREFUSED;
		goto fail;
	}
	/* Ask for the kernel's error text, without an echo of our request. */
	setsockopt(nl_socket_get_fd(nl->sock), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	setsockopt(nl_socket_get_fd(nl->sock), SOL_NETLINK, NETLINK_CAP_ACK,
		   &one, sizeof(one));
	/*
	 * Replies of any size: peek at each one's length, then read it whole.
	 * libnl's 32 KiB buffers would not hold the largest policy (about
	 * 64 KiB) and the acknowledgement after it: the kernel would drop
	 * the acknowledgement and the next read fail with ENOBUFS.
	 */
	nl_socket_enable_msg_peek(nl->sock);
	nl_socket_set_buffer_size(nl->sock, DG_NL_SOCK_BUF, DG_NL_SOCK_BUF);
	nl->family = genl_ctrl_resolve(nl->sock, DRIFTGUARD_GENL_NAME);
	if (nl->family < 0) {
		err = nl->family == -NLE_OBJ_NOTFOUND ? -ENOENT : -EIO;
		goto fail;
	}
	return 0;
fail:
	nl_socket_free(nl->sock);
	nl->sock = NULL;
	return err;
}

void dg_nl_close(struct dg_nl *nl)
{
	if (nl->sock)
		nl_socket_free(nl->sock);
	nl->sock = NULL;
}

struct nl_msg *dg_nl_msg(struct dg_nl *nl, uint8_t cmd, int flags)
{
	/* libnl's default is one page: too small for a large policy. */
	struct nl_msg *msg = nlmsg_alloc_size(DG_NL_MSG_MAX);

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0,
			 flags | NLM_F_ACK, cmd, DRIFTGUARD_GENL_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct dg_req {
	struct dg_nl *nl;
	struct nl_msg *sent;	/* to name the attribute an error points at */
	int err;		/* 1 while waiting, then 0 or -errno */
};

/* The type of the attribute at byte @off of the request, or -1. */
static int dg_attr_at(struct nl_msg *sent, uint32_t off)
{
	struct nlmsghdr *hdr = nlmsg_hdr(sent);
	struct nlattr *a;

	if (off + sizeof(*a) > hdr->nlmsg_len)
		return -1;
	a = (struct nlattr *)((char *)hdr + off);
	return a->nla_type & NLA_TYPE_MASK;
}

/*
 * With NETLINK_CAP_ACK the extack TLVs follow struct nlmsgerr directly.
 * The kernel's text is kept, with the attribute it points at named.
 */
static void dg_save_extack(struct dg_req *req, struct nlmsgerr *e)
{
	struct nlmsghdr *hdr = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	struct dg_nl *nl = req->nl;
	const char *msg = "";
	struct nlattr *attrs;
	int len, type = -1;

	nl->extack[0] = '\0';
	if (!(hdr->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	attrs = (struct nlattr *)((char *)e + sizeof(*e));
	len = (int)hdr->nlmsg_len - NLMSG_HDRLEN - (int)sizeof(*e);
	if (len <= 0 || nla_parse(tb, NLMSGERR_ATTR_MAX, attrs, len, NULL))
		return;
	if (tb[NLMSGERR_ATTR_MSG])
		msg = nla_get_string(tb[NLMSGERR_ATTR_MSG]);
	if (tb[NLMSGERR_ATTR_OFFS] && req->sent)
		type = dg_attr_at(req->sent, nla_get_u32(tb[NLMSGERR_ATTR_OFFS]));
	if (type >= 0)
		snprintf(nl->extack, sizeof(nl->extack), "%s (attribute %s)",
			 msg[0] ? msg : "invalid", dg_attr_name(type));
	else if (tb[NLMSGERR_ATTR_MISS_TYPE])
		snprintf(nl->extack, sizeof(nl->extack), "%s (attribute %s)",
			 msg[0] ? msg : "missing attribute",
			 dg_attr_name(nla_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE])));
	else
		snprintf(nl->extack, sizeof(nl->extack), "%s", msg);
}

static int dg_on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
	struct dg_req *req = arg;

	(void)who;
	dg_save_extack(req, e);
	req->err = e->error;
	return NL_STOP;
}

static int dg_on_done(struct nl_msg *msg, void *arg)
{
	struct dg_req *req = arg;

	(void)msg;
	req->err = 0;
	return NL_STOP;
}

int dg_nl_request(struct dg_nl *nl, struct nl_msg *msg,
		  int (*cb)(struct nl_msg *msg, void *arg), void *arg)
{
	struct dg_req req = { .nl = nl, .sent = msg, .err = 1 };
	struct nl_cb *nlcb;
	int err;

	nl->extack[0] = '\0';
	nlcb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!nlcb) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = nl_send_auto(nl->sock, msg);
	if (err < 0) {
		nlmsg_free(msg);
		nl_cb_put(nlcb);
		return -EIO;
	}
	if (cb)
		nl_cb_set(nlcb, NL_CB_VALID, NL_CB_CUSTOM, cb, arg);
	nl_cb_err(nlcb, NL_CB_CUSTOM, dg_on_error, &req);
	nl_cb_set(nlcb, NL_CB_ACK, NL_CB_CUSTOM, dg_on_done, &req);
	nl_cb_set(nlcb, NL_CB_FINISH, NL_CB_CUSTOM, dg_on_done, &req);
	while (req.err > 0) {
		err = nl_recvmsgs(nl->sock, nlcb);
		if (err < 0 && req.err > 0)
			req.err = err == -NLE_NOMEM ? -ENOMEM : -EIO;
	}
	nlmsg_free(msg);
	nl_cb_put(nlcb);
	return req.err;
}

int dg_nl_join_events(struct dg_nl *nl)
{
	int grp, err;

	grp = genl_ctrl_resolve_grp(nl->sock, DRIFTGUARD_GENL_NAME,
				    DRIFTGUARD_MCGRP_EVENTS);
	if (grp < 0)
		return -ENOENT;
	err = nl_socket_add_membership(nl->sock, grp);
	if (err < 0)
		return err == -NLE_PERM ? -EPERM : -EIO;
	nl->events_group = grp;
	nl_socket_disable_seq_check(nl->sock);
	return 0;
}

int dg_nl_parse(struct nl_msg *msg, struct nlattr **tb)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));

	return nla_parse(tb, DRIFTGUARD_A_MAX, genlmsg_attrdata(gh, 0),
			 genlmsg_attrlen(gh, 0), NULL) ? -EINVAL : 0;
}

int dg_nl_status_parse(struct nl_msg *msg, struct dg_nl_status *st)
{
	struct nlattr *stats[__DRIFTGUARD_STAT_MAX + 1];
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	int i;

	memset(st, 0, sizeof(*st));
	if (dg_nl_parse(msg, tb))
		return -EINVAL;
	if (tb[DRIFTGUARD_A_VERSION])
		snprintf(st->version, sizeof(st->version), "%s",
			 nla_get_string(tb[DRIFTGUARD_A_VERSION]));
	if (tb[DRIFTGUARD_A_ALERT_ONLY])
		st->alert_only = nla_get_u8(tb[DRIFTGUARD_A_ALERT_ONLY]);
	if (tb[DRIFTGUARD_A_LOCKED])
		st->locked = nla_get_u8(tb[DRIFTGUARD_A_LOCKED]);
	if (tb[DRIFTGUARD_A_POLICIES])
		st->policies = nla_get_u32(tb[DRIFTGUARD_A_POLICIES]);
	if (tb[DRIFTGUARD_A_DEGRADED]) {
		struct nlattr *a;
		int rem;

		nla_for_each_nested(a, tb[DRIFTGUARD_A_DEGRADED], rem) {
			if (nla_type(a) != DRIFTGUARD_A_PATTERN)
				continue;
			if (st->n_degraded < DG_NL_DEGRADED_MAX)
				snprintf(st->degraded[st->n_degraded],
					 sizeof(st->degraded[0]), "%.*s",
					 nla_len(a), (const char *)nla_data(a));
			st->n_degraded++;
		}
	}
	if (!tb[DRIFTGUARD_A_STATS] ||
	    nla_parse_nested(stats, __DRIFTGUARD_STAT_MAX,
			     tb[DRIFTGUARD_A_STATS], NULL))
		return 0;
	/* A counter this module does not have stays absent, not 0. */
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
		if (!stats[i + 1])
			continue;
		st->counters[i] = nla_get_u64(stats[i + 1]);
		st->have_counter[i] = true;
	}
	return 0;
}

static const char *dg_nl_str(struct nlattr **tb, int attr)
{
	return tb[attr] ? nla_get_string(tb[attr]) : "";
}

static uint64_t dg_nl_u64(struct nlattr **tb, int attr)
{
	return tb[attr] ? nla_get_u64(tb[attr]) : 0;
}

static uint32_t dg_nl_u32(struct nlattr **tb, int attr)
{
	return tb[attr] ? nla_get_u32(tb[attr]) : 0;
}

static int dg_nl_u8(struct nlattr **tb, int attr)
{
	return tb[attr] ? nla_get_u8(tb[attr]) : 0;
}

void dg_nl_event_parse(struct nlattr **tb, struct dg_nl_event *ev)
{
	*ev = (struct dg_nl_event) {
		.time = dg_nl_u64(tb, DRIFTGUARD_A_EV_TIME),
		.action = dg_nl_u8(tb, DRIFTGUARD_A_EV_ACTION),
		.class = dg_nl_u8(tb, DRIFTGUARD_A_EV_CLASS),
		.hook = dg_nl_u8(tb, DRIFTGUARD_A_EV_HOOK),
		.pid = dg_nl_u32(tb, DRIFTGUARD_A_EV_PID),
		.tgid = dg_nl_u32(tb, DRIFTGUARD_A_EV_TGID),
		.ppid = dg_nl_u32(tb, DRIFTGUARD_A_EV_PPID),
		.uid = dg_nl_u32(tb, DRIFTGUARD_A_EV_UID),
		.gid = dg_nl_u32(tb, DRIFTGUARD_A_EV_GID),
		.comm = dg_nl_str(tb, DRIFTGUARD_A_EV_COMM),
		.path = dg_nl_str(tb, DRIFTGUARD_A_EV_PATH),
		.filename = dg_nl_str(tb, DRIFTGUARD_A_EV_FILENAME),
		.interpreter = dg_nl_str(tb, DRIFTGUARD_A_EV_INTERP),
		.cgroup = "",
		.cgroup_id = dg_nl_u64(tb, DRIFTGUARD_A_CGROUP_ID),
		.policy_cgroup_id = dg_nl_u64(tb, DRIFTGUARD_A_EV_POLICY_CGROUP_ID),
		.dev = dg_nl_u32(tb, DRIFTGUARD_A_EV_DEV),
		.ino = dg_nl_u64(tb, DRIFTGUARD_A_EV_INO),
		.proto = dg_nl_u8(tb, DRIFTGUARD_A_EV_PROTO),
		.addr = tb[DRIFTGUARD_A_EV_ADDR] ?
			nla_get_string(tb[DRIFTGUARD_A_EV_ADDR]) : NULL,
		.port = tb[DRIFTGUARD_A_EV_PORT] ?
			nla_get_u16(tb[DRIFTGUARD_A_EV_PORT]) : 0,
	};
}

const char *dg_nl_strerror(const struct dg_nl *nl, int err)
{
	if (nl->extack[0])
		return nl->extack;
	if (err == -EPERM)
		return "permission denied (changing needs CAP_MAC_ADMIN or "
		       "CAP_SYS_ADMIN, reading CAP_NET_ADMIN too)";
	if (err == -ENOENT && !nl->sock)
		return "the driftguard module is not loaded";
	return strerror(-err);
}
