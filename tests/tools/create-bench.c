// SPDX-License-Identifier: GPL-2.0
/*
 * create-bench: the cost of creating a file, for the files = prevent
 * benchmark (tests/bench/net-guest.sh).
 *
 *   create-bench N ROUNDS DIR   the cheapest round of N creations of new
 *                               empty files in DIR (open O_CREAT|O_EXCL,
 *                               close), in ns per file; each round's files
 *                               are removed after its clock stops
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	unsigned long long best = ~0ULL, ns;
	struct timespec a, b;
	char name[4096];
	long n, rounds, i, r;
	int fd;

	if (argc != 4) {
		fprintf(stderr, "usage: create-bench N ROUNDS DIR\n");
		return 2;
	}
	n = atol(argv[1]);
	rounds = atol(argv[2]);
	if (n < 1 || rounds < 1) {
		fprintf(stderr, "create-bench: N and ROUNDS must be positive\n");
		return 2;
	}
	for (r = 0; r < rounds; r++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "%s/cb.%ld", argv[3], i);
			fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
			if (fd < 0) {
				printf("create %s: %s\n", name, strerror(errno));
				return 1;
			}
			close(fd);
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "%s/cb.%ld", argv[3], i);
			if (unlink(name)) {
				printf("unlink %s: %s\n", name, strerror(errno));
				return 1;
			}
		}
		ns = (b.tv_sec - a.tv_sec) * 1000000000ULL + b.tv_nsec - a.tv_nsec;
		if (ns < best)
			best = ns;
	}
	printf("%llu\n", best / n);
	return 0;
}
