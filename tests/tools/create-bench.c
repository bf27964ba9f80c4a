// SPDX-License-Identifier: GPL-2.0
/*
 * create-bench: the cost of creating a file, and of opening one, for the
 * files = prevent benchmark (tests/bench/net-guest.sh).
 *
 *   create-bench N ROUNDS DIR   the cheapest round of N creations of new
 *                               empty files in DIR (open O_CREAT|O_EXCL,
 *                               close), in ns per file; each round's files
 *                               are removed after its clock stops
 *   create-bench open N ROUNDS FILE
 *                               the cheapest round of N opens of FILE for
 *                               reading (open O_RDONLY, close), in ns per
 *                               open
 *   create-bench append N ROUNDS FILE
 *                               the same, opening FILE for appending
 *                               (O_WRONLY | O_APPEND), writing nothing
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int open_bench(long n, long rounds, const char *file, int flags)
{
	unsigned long long best = ~0ULL, ns;
	struct timespec a, b;
	long i, r;
	int fd;

	if (n < 1 || rounds < 1) {
		fprintf(stderr, "create-bench: N and ROUNDS must be positive\n");
		return 2;
	}
	for (r = 0; r < rounds; r++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (i = 0; i < n; i++) {
			fd = open(file, flags);
			if (fd < 0) {
				printf("open %s: %s\n", file, strerror(errno));
				return 1;
			}
			close(fd);
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		ns = (b.tv_sec - a.tv_sec) * 1000000000ULL + b.tv_nsec - a.tv_nsec;
		if (ns < best)
			best = ns;
	}
	printf("%llu\n", best / n);
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long best = ~0ULL, ns;
	struct timespec a, b;
	char name[4096];
	long n, rounds, i, r;
	int fd;

	if (argc == 5 && !strcmp(argv[1], "open"))
		return open_bench(atol(argv[2]), atol(argv[3]), argv[4], O_RDONLY);
	if (argc == 5 && !strcmp(argv[1], "append"))
		return open_bench(atol(argv[2]), atol(argv[3]), argv[4],
				  O_WRONLY | O_APPEND);
	if (argc != 4) {
		fprintf(stderr, "usage: create-bench N ROUNDS DIR | open|append N ROUNDS FILE\n");
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
