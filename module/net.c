// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: network drift, the listen and connect decisions.
 *
 * A container that starts listening on a port nobody declared, or talks
 * to a destination outside its expected ones, has drifted as surely as one
 * that runs a dropped binary. The socket hooks (hooks-net.c) hand the socket
 * and its address here; the policy of the task's cgroup decides, as for
 * exec, by the task's cgroup alone: a container in the host's network
 * namespace is judged like any other. Only AF_INET and AF_INET6 sockets
 * are judged. Everything here reads what the caller already holds: no
 * lock, no allocation but the event's, no sleep.
 */
#include <linux/cgroup.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "decide.h"
#include "events.h"
#include "net.h"
#include "netlink-policy.h"
#include "netrule.h"
#include "policy.h"
#include "stats.h"
#include "verdict.h"

/* What a hook asks: an address and port of one protocol. */
struct dg_net_req {
	u8 class;		/* DRIFTGUARD_CLASS_LISTEN or _CONNECT */
	u8 hook;
	u8 proto;		/* IPPROTO_*, MPTCP as TCP, UDP-Lite as UDP */
	u8 family;		/* AF_INET (v4-mapped IPv6 too) or AF_INET6 */
	u16 port;
	u8 addr[16];
};

bool dg_net_list(int attr)
{
	return attr == DRIFTGUARD_A_LISTEN_ALLOW ||
	       attr == DRIFTGUARD_A_CONNECT_ALLOW;
}

static const char *dg_net_parse(int attr, const char *s,
				struct dg_port_rule *port,
				struct dg_addr_rule *addr)
{
	if (attr == DRIFTGUARD_A_LISTEN_ALLOW)
		return dg_netrule_port_parse(s, port);
	return dg_netrule_addr_parse(s, addr);
}

int dg_net_list_check(struct nlattr *list, int attr,
		      struct netlink_ext_ack *extack, u32 *n, size_t *bytes)
{
	struct dg_port_rule port;
	struct dg_addr_rule addr;
	struct nlattr *e;
	const char *s, *why;
	u32 count = 0;
	int rem, err;

	nla_for_each_nested(e, list, rem) {
		s = dg_list_entry(e, DG_NETRULE_MAX,
				  "network entry longer than 79 bytes", extack,
				  &err);
		if (!s)
			return err;
		why = dg_net_parse(attr, s, &port, &addr);
		if (why) {
			/* A static string from netrule.h, as extack requires. */
			if (extack)
				extack->_msg = why;
			NL_SET_BAD_ATTR(extack, e);
			return -EINVAL;
		}
		err = dg_list_count(list, s, &count, bytes, extack);
		if (err)
			return err;
	}
	*n += count;
	return 0;
}

int dg_net_compile(struct dg_policy *pol)
{
	struct dg_net_rules *net;
	u16 i;

	if (!pol->listen_allow.n && !pol->connect_allow.n)
		return 0;
	net = kzalloc(sizeof(*net) +
		      pol->listen_allow.n * sizeof(*net->ports) +
		      pol->connect_allow.n * sizeof(*net->addrs), GFP_KERNEL);
	if (!net)
		return -ENOMEM;
	net->addrs = (struct dg_addr_rule *)(net + 1);
	net->ports = (struct dg_port_rule *)(net->addrs + pol->connect_allow.n);
	/* Checked by dg_net_list_check(): every entry parses. */
	for (i = 0; i < pol->listen_allow.n; i++)
		if (!dg_netrule_port_parse(pol->listen_allow.e[i].str,
					   &net->ports[net->nports]))
			net->nports++;
	for (i = 0; i < pol->connect_allow.n; i++)
		if (!dg_netrule_addr_parse(pol->connect_allow.e[i].str,
					   &net->addrs[net->naddrs]))
			net->naddrs++;
	pol->net = net;
	return 0;
}

/*
 * Loopback: 127.0.0.0/8 and ::1; for a connect also the unspecified
 * address, which the kernel connects to the local host.
 */
static bool dg_net_loopback(const struct dg_net_req *req)
{
	static const u8 v6_loopback[16] = { [15] = 1 };
	static const u8 zero[16];

	if (req->family == AF_INET)
		return req->addr[0] == 127 ||
		       (req->class == DRIFTGUARD_CLASS_CONNECT &&
			!memcmp(req->addr, zero, 4));
	return !memcmp(req->addr, v6_loopback, 16) ||
	       (req->class == DRIFTGUARD_CLASS_CONNECT &&
		!memcmp(req->addr, zero, 16));
}

static bool dg_net_port_allowed(const struct dg_net_rules *net,
				const struct dg_net_req *req)
{
	u16 i;

	for (i = 0; net && i < net->nports; i++)
		if (net->ports[i].proto == req->proto &&
		    req->port >= net->ports[i].first &&
		    req->port <= net->ports[i].last)
			return true;
	return false;
}

/*
 * 32 bits at a time and without a call (the connect check walks the whole
 * list for most destinations): a word is read at byte 4 * k only while
 * more than 32 * k bits are left, so with at most 128 bits never past
 * the 16 bytes of either address.
 */
bool dg_net_prefix_match(const u8 *a, const u8 *b, u8 bits)
{
	unsigned int i;
	__be32 x, y;

	for (i = 0; bits; i += 4) {
		memcpy(&x, a + i, 4);
		memcpy(&y, b + i, 4);
		if (bits < 32)
			return !(be32_to_cpu(x ^ y) >> (32 - bits));
		if (x != y)
			return false;
		bits -= 32;
	}
	return true;
}

static bool dg_net_addr_allowed(const struct dg_net_rules *net,
				const struct dg_net_req *req)
{
	/* Copied once: the compiler cannot tell the rules leave @req alone. */
	u8 family = req->family, proto = req->proto;
	u16 port = req->port;
	const struct dg_addr_rule *r, *end;

	if (!net)
		return false;
	for (r = net->addrs, end = r + net->naddrs; r < end; r++)
		if (r->family == family && (!r->proto || r->proto == proto) &&
		    port >= r->first && port <= r->last &&
		    dg_net_prefix_match(r->addr, req->addr, r->prefix))
			return true;
	return false;
}

/*
 * Reports, and refuses under prevent, what @pol's @mode judges drift.
 * Apart from dg_net_decide(): the kernel zeroes every stack variable
 * (INIT_STACK_ALL_ZERO), and the event and its address text are only
 * needed here.
 */
static noinline int dg_net_act(const struct dg_net_req *req,
			       const struct dg_policy *pol, u8 mode)
{
	struct dg_event_info ev = { .class = req->class, .hook = req->hook };
	char addr[INET6_ADDRSTRLEN + 1];
	int ret = 0;

	ev.action = dg_verdict_action(mode, dg_alert_only());
	ev.policy_cgroup_id = pol->cgroup_id;
	ev.proto = req->proto;
	ev.port = req->port;
	if (req->family == AF_INET)
		snprintf(addr, sizeof(addr), "%pI4", req->addr);
	else
		snprintf(addr, sizeof(addr), "%pI6c", req->addr);
	ev.addr = addr;
	if (ev.action == DRIFTGUARD_ACTION_BLOCKED) {
		dg_stat_inc(req->class == DRIFTGUARD_CLASS_LISTEN ?
			    DRIFTGUARD_STAT_BLOCKED_LISTEN :
			    DRIFTGUARD_STAT_BLOCKED_CONNECT);
		ret = -EPERM;
	} else {
		dg_stat_inc(DRIFTGUARD_STAT_ALERTED);
	}
	dg_event_emit(&ev);
	return ret;
}

static int dg_net_decide(const struct dg_net_req *req)
{
	const struct dg_policy *pol;
	bool allowed;
	int ret = 0;
	u8 mode;

	dg_stat_inc(DRIFTGUARD_STAT_NET_CHECKED);
	if (!dg_policy_any())
		return 0;
	preempt_disable();
	rcu_read_lock();
	pol = dg_policy_find(task_dfl_cgroup(current));
	if (!pol)
		goto out;
	mode = req->class == DRIFTGUARD_CLASS_LISTEN ? pol->listen :
						       pol->connect;
	if (!mode || (!pol->loopback && dg_net_loopback(req)))
		goto out;
	allowed = req->class == DRIFTGUARD_CLASS_LISTEN ?
		  dg_net_port_allowed(pol->net, req) :
		  dg_net_addr_allowed(pol->net, req);
	if (!allowed)
		ret = dg_net_act(req, pol, mode);
out:
	rcu_read_unlock();
	preempt_enable();
	return ret;
}

/* The protocol an allow entry names for @sk's. */
static u8 dg_net_proto(const struct sock *sk)
{
	switch (READ_ONCE(sk->sk_protocol)) {
	case IPPROTO_MPTCP:
		return IPPROTO_TCP;
	case IPPROTO_UDPLITE:
		return IPPROTO_UDP;
	default:
		return READ_ONCE(sk->sk_protocol);
	}
}

static bool dg_net_inet(const struct sock *sk)
{
	return sk && (sk->sk_family == AF_INET || sk->sk_family == AF_INET6);
}

/* An IPv6 address into @req: a v4-mapped one as the IPv4 address it is. */
static void dg_net_set_v6(struct dg_net_req *req, const struct in6_addr *a)
{
	if (ipv6_addr_v4mapped(a)) {
		req->family = AF_INET;
		memcpy(req->addr, &a->s6_addr32[3], 4);
	} else {
		req->family = AF_INET6;
		memcpy(req->addr, a->s6_addr, 16);
	}
}

/*
 * @addr (@addrlen bytes, already copied from the caller) into @req. False
 * for what names no IPv4 or IPv6 destination: AF_UNSPEC (a disconnect, or
 * an IPv4 bind's old spelling of INADDR_ANY, taken as AF_INET by @unspec),
 * a short address or another family, which the protocol refuses itself.
 */
static bool dg_net_sockaddr(struct dg_net_req *req, const struct sockaddr *addr,
			    int addrlen, bool unspec)
{
	const struct sockaddr_in *in = (const struct sockaddr_in *)addr;
	const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)addr;

	if (!addr || addrlen < (int)sizeof(addr->sa_family))
		return false;
	switch (addr->sa_family) {
	case AF_UNSPEC:
		if (!unspec)
			return false;
		fallthrough;
	case AF_INET:
		if (addrlen < (int)sizeof(*in))
			return false;
		req->family = AF_INET;
		memcpy(req->addr, &in->sin_addr, 4);
		req->port = ntohs(in->sin_port);
		return true;
	case AF_INET6:
		if (addrlen < SIN6_LEN_RFC2133)
			return false;
		dg_net_set_v6(req, &in6->sin6_addr);
		req->port = ntohs(in6->sin6_port);
		return true;
	default:
		return false;
	}
}

/*
 * listen(2): the port the socket is bound to, 0 when it is not bound yet
 * (the kernel then picks an ephemeral port: only an entry naming port 0
 * allows that), and the address it is bound to.
 */
int dg_net_listen(struct socket *sock)
{
	struct dg_net_req req = {
		.class = DRIFTGUARD_CLASS_LISTEN,
		.hook = DRIFTGUARD_HOOK_LISTEN,
	};
	struct sock *sk = sock->sk;

	if (!dg_net_inet(sk))
		return 0;
	req.proto = dg_net_proto(sk);
	req.port = READ_ONCE(inet_sk(sk)->inet_num);
	req.family = AF_INET;
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6)
		dg_net_set_v6(&req, &sk->sk_v6_rcv_saddr);
	else
#endif
		memcpy(req.addr, &sk->sk_rcv_saddr, 4);
	return dg_net_decide(&req);
}

/*
 * bind(2) of a UDP socket to a port: a UDP service listens by binding.
 * TCP is judged at listen(), when it starts accepting. A bind to port 0
 * takes an ephemeral port, which is what a UDP client does: not judged.
 */
int dg_net_bind(struct socket *sock, struct sockaddr *addr, int addrlen)
{
	struct dg_net_req req = {
		.class = DRIFTGUARD_CLASS_LISTEN,
		.hook = DRIFTGUARD_HOOK_BIND,
	};
	struct sock *sk = sock->sk;

	if (!dg_net_inet(sk) || sk->sk_type != SOCK_DGRAM)
		return 0;
	req.proto = dg_net_proto(sk);
	if (req.proto != IPPROTO_UDP)
		return 0;
	if (!dg_net_sockaddr(&req, addr, addrlen, sk->sk_family == AF_INET) ||
	    !req.port)
		return 0;
	return dg_net_decide(&req);
}

/*
 * connect(2) of any AF_INET/AF_INET6 socket: TCP, UDP (its destination
 * for send() and its source of replies), and others (SCTP, ICMP, raw),
 * which only a protocol-less allow entry admits.
 */
int dg_net_connect(struct socket *sock, struct sockaddr *addr, int addrlen)
{
	struct dg_net_req req = {
		.class = DRIFTGUARD_CLASS_CONNECT,
		.hook = DRIFTGUARD_HOOK_CONNECT,
	};
	struct sock *sk = sock->sk;

	if (!dg_net_inet(sk))
		return 0;
	req.proto = dg_net_proto(sk);
	if (!dg_net_sockaddr(&req, addr, addrlen, false))
		return 0;
	return dg_net_decide(&req);
}
