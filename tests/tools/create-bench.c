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

/* Nanoseconds from @a to now (CLOCK_MONOTONIC). */
static unsigned long long since(const struct timespec *a)
{
	struct timespec b;

	clock_gettime(CLOCK_MONOTONIC, &b);
	return (b.tv_sec - a->tv_sec) * 1000000000ULL + b.tv_nsec - a->tv_nsec;
}

static int positive(long n, long rounds)
{
	if (n >= 1 && rounds >= 1)
		return 1;
	fprintf(stderr, "create-bench: N and ROUNDS must be positive\n");
	return 0;
}

static int open_bench(long n, long rounds, const char *file, int flags)
{
	unsigned long long best = ~0ULL, ns;
	struct timespec a;
	long i, r;
	int fd;

	if (!positive(n, rounds))
		return 2;
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
		ns = since(&a);
		if (ns < best)
			best = ns;
	}
	printf("%llu\n", best / n);
	return 0;
}

/* Creates @n files in @dir a round, each round's clock stopped before unlinking. */
static int create_bench(long n, long rounds, const char *dir)
{
	unsigned long long best = ~0ULL, ns;
	struct timespec a;
	char name[4096];
	long i, r;
	int fd;

	if (!positive(n, rounds))
		return 2;
	for (r = 0; r < rounds; r++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "%s/cb.%ld", dir, i);
			fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
			if (fd < 0) {
				printf("create %s: %s\n", name, strerror(errno));
				return 1;
			}
			close(fd);
		}
		ns = since(&a);
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "%s/cb.%ld", dir, i);
			if (unlink(name)) {
				printf("unlink %s: %s\n", name, strerror(errno));
				return 1;
			}
		}
		if (ns < best)
			best = ns;
	}
	printf("%llu\n", best / n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "open"))
		return open_bench(atol(argv[2]), atol(argv[3]), argv[4], O_RDONLY);
	if (argc == 5 && !strcmp(argv[1], "append"))
		return open_bench(atol(argv[2]), atol(argv[3]), argv[4],
				  O_WRONLY | O_APPEND);
	if (argc != 4) {
		fprintf(stderr, "usage: create-bench N ROUNDS DIR | open|append N ROUNDS FILE\n");
		return 2;
	}
	return create_bench(atol(argv[1]), atol(argv[2]), argv[3]);
}
