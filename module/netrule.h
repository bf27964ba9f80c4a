/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the network allow-list entries, parsed alike by module and CLI. */
#ifndef DRIFTGUARD_NETRULE_H
#define DRIFTGUARD_NETRULE_H

/*
 * One parser for the LISTEN_ALLOW and CONNECT_ALLOW entries, included by
 * module/net.c and lib/netrule.c, so driftctl and the policy files refuse
 * exactly what the module refuses, with the module's words. Only the text
 * to address conversion differs: in4_pton/in6_pton in the kernel,
 * inet_pton in userspace.
 *
 *   listen_allow:  PROTO:PORT or PROTO:FIRST-LAST, PROTO tcp, udp or sctp
 *   connect_allow: [PROTO:]ADDR[/PREFIX][:PORT[-PORT]], an IPv6 address in
 *                  brackets when a port follows: "[fd00::/8]:443"
 */
#ifdef __KERNEL__
#include <linux/errno.h>
#include <linux/in.h>
#include <linux/inet.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/types.h>
#else
#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <linux/types.h>
#endif

/*
 * Longest entry, including the NUL: the longest that parses,
 * "sctp:[ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255/128]:65535-65535",
 * has 68 bytes. Short, so that a policy's message stays under 64 KiB.
 */
#define DG_NETRULE_MAX	80

/* A port range of one protocol (IPPROTO_TCP, _UDP or _SCTP). */
struct dg_port_rule {
	__u8 proto;
	__u16 first, last;
};

/* A destination: @prefix bits of @addr, a port range, any protocol (0). */
struct dg_addr_rule {
	__u8 family;		/* AF_INET or AF_INET6 */
	__u8 proto;		/* 0: any */
	__u8 prefix;
	__u16 first, last;
	__u8 addr[16];		/* network order; IPv4 in the first 4 bytes */
};

/* The refusals, one per list and kind, static for extack. */
#define DG_NETRULE_PROTO_L "listen_allow: an entry must start with tcp:, udp: or sctp:"
#define DG_NETRULE_PORT_L  "listen_allow: PORT must be 0-65535 or FIRST-LAST with FIRST <= LAST"
#define DG_NETRULE_PORT_C  "connect_allow: PORT must be 1-65535 or FIRST-LAST with FIRST <= LAST"
#define DG_NETRULE_ADDR_C  "connect_allow: ADDR must be an IPv4 address or an IPv6 address (in brackets before :PORT)"
#define DG_NETRULE_PREFIX_C "connect_allow: /PREFIX must be 0-32 for IPv4, 0-128 for IPv6"
#define DG_NETRULE_HOST_C  "connect_allow: ADDR has bits set beyond its /PREFIX"

static inline bool dg_netrule_pton(int family, const char *s, size_t len,
				   __u8 *dst)
{
	char buf[48];

	if (!len || len >= sizeof(buf))
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
#ifdef __KERNEL__
	{
		const char *end;

		if (family == AF_INET)
			return in4_pton(buf, len, dst, -1, &end) &&
			       end == buf + len;
		return in6_pton(buf, len, dst, -1, &end) && end == buf + len;
	}
#else
	return inet_pton(family, buf, dst) == 1;
#endif
}

/* A decimal number of 1-5 digits up to @max at [@s, @end); -1 if not. */
static inline long dg_netrule_num(const char *s, const char *end, long max)
{
	long v = 0;

	if (s >= end || end - s > 5)
		return -1;
	for (; s < end; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v > max ? -1 : v;
}

/* "PORT" or "FIRST-LAST" at [@s, @end) into @first, @last. */
static inline bool dg_netrule_ports(const char *s, const char *end, long min,
				    __u16 *first, __u16 *last)
{
	const char *dash = memchr(s, '-', end - s);
	long a, b;

	a = dg_netrule_num(s, dash ? dash : end, 65535);
	b = dash ? dg_netrule_num(dash + 1, end, 65535) : a;
	if (a < min || b < a)
		return false;
	*first = (__u16)a;
	*last = (__u16)b;
	return true;
}

/* "tcp:", "udp:", "sctp:" at the start of @s: its IPPROTO, and its length. */
static inline int dg_netrule_proto(const char *s, size_t *skip)
{
	if (!strncmp(s, "tcp:", 4)) {
		*skip = 4;
		return IPPROTO_TCP;
	}
	if (!strncmp(s, "udp:", 4)) {
		*skip = 4;
		return IPPROTO_UDP;
	}
	if (!strncmp(s, "sctp:", 5)) {
		*skip = 5;
		return IPPROTO_SCTP;
	}
	*skip = 0;
	return 0;
}

/* Parses listen_allow entry @s: NULL, or why it is refused. */
static inline const char *dg_netrule_port_parse(const char *s,
						struct dg_port_rule *r)
{
	size_t skip;
	int proto = dg_netrule_proto(s, &skip);

	if (!proto)
		return DG_NETRULE_PROTO_L;
	r->proto = (__u8)proto;
	if (!dg_netrule_ports(s + skip, s + strlen(s), 0, &r->first, &r->last))
		return DG_NETRULE_PORT_L;
	return NULL;
}

/* "ADDR" or "ADDR/PREFIX" at [@s, @end) of @family into @r. */
static inline const char *dg_netrule_cidr(int family, const char *s,
					  const char *end,
					  struct dg_addr_rule *r)
{
	const char *slash = memchr(s, '/', end - s);
	long max = family == AF_INET ? 32 : 128, prefix = max;
	int i;

	if (!dg_netrule_pton(family, s, (slash ? slash : end) - s, r->addr))
		return DG_NETRULE_ADDR_C;
	if (slash) {
		prefix = dg_netrule_num(slash + 1, end, max);
		if (prefix < 0 || end - slash > 4)
			return DG_NETRULE_PREFIX_C;
	}
	for (i = (int)prefix; i < max; i++)
		if (r->addr[i / 8] & (0x80 >> (i % 8)))
			return DG_NETRULE_HOST_C;
	r->family = (__u8)family;
	r->prefix = (__u8)prefix;
	return NULL;
}

/* Parses connect_allow entry @s: NULL, or why it is refused. */
static inline const char *dg_netrule_addr_parse(const char *s,
						struct dg_addr_rule *r)
{
	const char *end, *colon, *p;
	const char *why;
	size_t skip;
	int colons = 0;

	memset(r, 0, sizeof(*r));
	r->proto = (__u8)dg_netrule_proto(s, &skip);
	s += skip;
	end = s + strlen(s);
	r->first = 0;
	r->last = 65535;
	if (*s == '[') {
		p = memchr(s, ']', end - s);
		if (!p)
			return DG_NETRULE_ADDR_C;
		why = dg_netrule_cidr(AF_INET6, s + 1, p, r);
		if (why)
			return why;
		if (p + 1 == end)
			return NULL;
		if (p[1] != ':' ||
		    !dg_netrule_ports(p + 2, end, 1, &r->first, &r->last))
			return DG_NETRULE_PORT_C;
		return NULL;
	}
	for (p = s; p < end; p++)
		colons += *p == ':';
	if (colons >= 2)
		return dg_netrule_cidr(AF_INET6, s, end, r);
	colon = memchr(s, ':', end - s);
	why = dg_netrule_cidr(AF_INET, s, colon ? colon : end, r);
	if (why)
		return why;
	if (colon && !dg_netrule_ports(colon + 1, end, 1, &r->first, &r->last))
		return DG_NETRULE_PORT_C;
	return NULL;
}

#endif /* DRIFTGUARD_NETRULE_H */
