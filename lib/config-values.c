// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard userspace: one value of a configuration key, checked: numbers,
 * listen addresses, cgroup patterns, URLs, yes/no and blank-separated words.
 * What a key's setter (config-keys.c) and the daemon's metrics endpoint
 * agree on; none of it knows which key or file the value came from.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "config-int.h"
#include "names.h"

int dg_parse_uint(const char *s, bool units, uint64_t *out)
{
	uint64_t v = 0, mul = 1;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (UINT64_MAX - (*s - '0')) / 10)
			return -ERANGE;
		v = v * 10 + (*s - '0');
	}
	if (units && *s) {
		static const char suffixes[] = "KMG";
		const char *u = strchr(suffixes, *s);

		if (!u)
			return -EINVAL;
		mul = 1ULL << (10 * (u - suffixes + 1));
		s++;
	}
	if (*s)
		return -EINVAL;
	if (v > UINT64_MAX / mul)
		return -ERANGE;
	*out = v * mul;
	return 0;
}

int dg_listen_parse(const char *s, struct sockaddr_storage *out,
		    bool *loopback)
{
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)out;
	struct sockaddr_in *in = (struct sockaddr_in *)out;
	char host[INET6_ADDRSTRLEN];
	const char *colon, *h = s;
	uint64_t port;
	size_t n;

	memset(out, 0, sizeof(*out));
	if (*s == '[') {
		colon = strstr(s, "]:");
		h = s + 1;
		n = colon ? (size_t)(colon - h) : 0;
		colon = colon ? colon + 1 : NULL;
	} else {
		colon = strrchr(s, ':');
		n = colon ? (size_t)(colon - s) : 0;
	}
	if (!colon || !n || n >= sizeof(host) ||
	    dg_parse_uint(colon + 1, false, &port) || !port || port > 65535)
		return -EINVAL;
	memcpy(host, h, n);
	host[n] = '\0';
	if (*s == '[') {
		if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1)
			return -EINVAL;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		*loopback = IN6_IS_ADDR_LOOPBACK(&in6->sin6_addr);
	} else {
		if (inet_pton(AF_INET, host, &in->sin_addr) != 1)
			return -EINVAL;
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)port);
		*loopback = (ntohl(in->sin_addr.s_addr) >> 24) == 127;
	}
	return 0;
}

bool dg_cgroup_ok(const char *s)
{
	const char *c = s, *e;
	size_t n;

	if (!*s || strlen(s) >= DG_PATH_MAX)
		return false;
	for (;;) {
		e = strchr(c, '/');
		n = e ? (size_t)(e - c) : strlen(c);
		if (!n || (n == 1 && c[0] == '.') ||
		    (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
		if (!e)
			return true;
		c = e + 1;
	}
}

bool dg_url_ok(const char *s)
{
	const char *rest;

	if (!strncmp(s, "https://", 8))
		rest = s + 8;
	else if (!strncmp(s, "http://", 7))
		rest = s + 7;
	else
		return false;
	if (!*rest || strlen(s) > DG_URL_MAX)
		return false;
	for (; *s; s++)
		if (isspace((unsigned char)*s) || iscntrl((unsigned char)*s))
			return false;
	return true;
}

const char *dg_word(const char **rest, size_t *n)
{
	const char *s = *rest, *e;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)
		return NULL;
	for (e = s; *e && *e != ' ' && *e != '\t'; e++)
		;
	*n = e - s;
	*rest = e;
	return s;
}

int dg_bool_parse(const char *v)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	if (dg_index_of(yes, DG_COUNT(yes), v) >= 0)
		return 1;
	if (dg_index_of(no, DG_COUNT(no), v) >= 0)
		return 0;
	return -1;
}
