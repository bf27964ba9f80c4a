// SPDX-License-Identifier: GPL-2.0
/*
 * netprobe: one socket operation, for the network-drift tests.
 *
 *   netprobe listen  tcp|udp|sctp ADDR PORT  bind (unless PORT is 0) and listen
 *   netprobe bind    udp ADDR PORT           bind a UDP socket
 *   netprobe connect tcp|udp ADDR PORT       connect
 *   netprobe sendto  udp ADDR PORT           send one datagram, unconnected
 *   netprobe raw     ADDR                    send an ICMP echo on a raw socket
 *   netprobe fastopen ADDR PORT              sendto(MSG_FASTOPEN) on TCP
 *   netprobe bench N ROUNDS ADDR PORT        the cheapest round of N UDP
 *                                            connects, in ns per connect
 *   netprobe bench-listen N ROUNDS ADDR PORT the cheapest round of N
 *                                            listen(2) calls on one TCP
 *                                            socket bound to ADDR PORT, in
 *                                            ns per listen (again on a
 *                                            listening socket it only sets
 *                                            the backlog, but is judged)
 *
 * Prints "OP: ok" (listen: with the port it got) or "OP: <strerror>", and
 * exits 0 or 1 accordingly. ADDR is IPv4 or IPv6.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#ifndef MSG_FASTOPEN
#define MSG_FASTOPEN 0x20000000
#endif

static int result(const char *op, int err)
{
	if (err)
		printf("%s: %s\n", op, strerror(err));
	else
		printf("%s: ok\n", op);
	return err ? 1 : 0;
}

static socklen_t address(const char *addr, const char *port,
			 struct sockaddr_storage *ss)
{
	struct sockaddr_in *in = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, addr, &in->sin_addr) == 1) {
		in->sin_family = AF_INET;
		in->sin_port = htons(atoi(port));
		return sizeof(*in);
	}
	if (inet_pton(AF_INET6, addr, &in6->sin6_addr) == 1) {
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons(atoi(port));
		return sizeof(*in6);
	}
	fprintf(stderr, "netprobe: bad address %s\n", addr);
	exit(2);
}

static int proto_socket(int family, const char *proto)
{
	if (!strcmp(proto, "tcp"))
		return socket(family, SOCK_STREAM, IPPROTO_TCP);
	if (!strcmp(proto, "sctp"))
		return socket(family, SOCK_STREAM, IPPROTO_SCTP);
	return socket(family, SOCK_DGRAM, IPPROTO_UDP);
}

int main(int argc, char **argv)
{
	struct sockaddr_storage ss;
	socklen_t len;
	const char *op = argc > 1 ? argv[1] : "";
	int fd;

	if (!strcmp(op, "raw") && argc == 3) {
		struct icmphdr icmp = { .type = ICMP_ECHO };

		len = address(argv[2], "0", &ss);
		fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
		if (fd < 0)
			return result("socket", errno);
		return result(op, sendto(fd, &icmp, sizeof(icmp), 0,
					 (struct sockaddr *)&ss, len) < 0 ? errno : 0);
	}
	if (!strcmp(op, "fastopen") && argc == 4) {
		len = address(argv[2], argv[3], &ss);
		fd = socket(ss.ss_family, SOCK_STREAM, IPPROTO_TCP);
		if (fd < 0)
			return result("socket", errno);
		/* Refused or unreachable is the network's answer, not ours. */
		sendto(fd, "x", 1, MSG_FASTOPEN, (struct sockaddr *)&ss, len);
		return result(op, errno == EPERM ? EPERM : 0);
	}
	if ((!strcmp(op, "bench") || !strcmp(op, "bench-listen")) && argc == 6) {
		long n = atol(argv[2]), rounds = atol(argv[3]), i, r;
		unsigned long long best = ~0ULL;
		int listening = !strcmp(op, "bench-listen");

		len = address(argv[4], argv[5], &ss);
		fd = listening ? socket(ss.ss_family, SOCK_STREAM, IPPROTO_TCP) :
				 socket(ss.ss_family, SOCK_DGRAM, IPPROTO_UDP);
		if (fd < 0 || n < 1 || rounds < 1)
			return result("socket", fd < 0 ? errno : EINVAL);
		if (listening && bind(fd, (struct sockaddr *)&ss, len))
			return result("bind", errno);
		for (r = 0; r < rounds; r++) {
			struct timespec a, b;
			unsigned long long ns;

			clock_gettime(CLOCK_MONOTONIC, &a);
			for (i = 0; i < n; i++)
				if (listening ? listen(fd, 1) :
				    connect(fd, (struct sockaddr *)&ss, len))
					return result(listening ? "listen" :
						      "connect", errno);
			clock_gettime(CLOCK_MONOTONIC, &b);
			ns = (b.tv_sec - a.tv_sec) * 1000000000ULL + b.tv_nsec - a.tv_nsec;
			if (ns < best)
				best = ns;
		}
		printf("%llu\n", best / n);
		return 0;
	}
	if (argc != 5) {
		fprintf(stderr, "usage: netprobe listen|bind|connect|sendto PROTO ADDR PORT\n"
			"       netprobe raw ADDR | fastopen ADDR PORT\n");
		return 2;
	}
	len = address(argv[3], argv[4], &ss);
	fd = proto_socket(ss.ss_family, argv[2]);
	if (fd < 0)
		return result("socket", errno);
	if (!strcmp(op, "listen")) {
		if (atoi(argv[4]) && bind(fd, (struct sockaddr *)&ss, len))
			return result("bind", errno);
		if (listen(fd, 1))
			return result(op, errno);
		return result(op, 0);
	}
	if (!strcmp(op, "bind"))
		return result(op, bind(fd, (struct sockaddr *)&ss, len) ? errno : 0);
	if (!strcmp(op, "connect"))
		return result(op, connect(fd, (struct sockaddr *)&ss, len) ? errno : 0);
	if (!strcmp(op, "sendto"))
		return result(op, sendto(fd, "x", 1, 0, (struct sockaddr *)&ss,
					 len) < 0 ? errno : 0);
	fprintf(stderr, "netprobe: unknown operation %s\n", op);
	return 2;
}
