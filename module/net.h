/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: network drift, the listen and connect decisions. */
#ifndef DRIFTGUARD_NET_H
#define DRIFTGUARD_NET_H

#include <linux/types.h>
#include <net/netlink.h>

struct socket;
struct sockaddr;
struct dg_policy;

/* A policy's allow lists, parsed: one allocation, the rules after it. */
struct dg_net_rules {
	u16 nports, naddrs;
	struct dg_port_rule *ports;
	struct dg_addr_rule *addrs;
};

/* Is @attr a list of network entries (LISTEN_ALLOW, CONNECT_ALLOW)? */
bool dg_net_list(int attr);

/*
 * Checks the entries of the network list @list (attribute @attr): each
 * must parse (netrule.h); counts them and the bytes they need as
 * dg_list_check() does. Errors name the entry in @extack.
 */
int dg_net_list_check(struct nlattr *list, int attr,
		      struct netlink_ext_ack *extack, u32 *n, size_t *bytes);

/*
 * Do the first @bits bits of the addresses @a and @b (16 bytes each,
 * network order) agree? @bits is at most 128.
 */
bool dg_net_prefix_match(const u8 *a, const u8 *b, u8 bits);

/* Parses @pol's (checked) network lists into pol->net. May sleep. */
int dg_net_compile(struct dg_policy *pol);

/*
 * The hooks' questions about the current task, each answered by its
 * policy's listen or connect key and allow list.
 *
 * Return: 0 to allow, -EPERM to deny. Never sleeps.
 */
int dg_net_listen(struct socket *sock);
int dg_net_bind(struct socket *sock, struct sockaddr *addr, int addrlen);
int dg_net_connect(struct socket *sock, struct sockaddr *addr, int addrlen);

#endif /* DRIFTGUARD_NET_H */
