// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark program: the cost of one program start, in guest nanoseconds
 * (under QEMU -icount shift=0, one nanosecond per guest instruction).
 *
 *   spawn-bench spawn FILE N R   fork + execve FILE + wait
 *   spawn-bench fail FILE N R    execve FILE (a text file: ENOEXEC), which
 *                                runs the exec checks but no program
 *   spawn-bench serve            one such measurement per line of stdin
 *                                ("spawn|fail FILE N R"), each answered
 *                                with a line, until end of input
 *
 * Runs R rounds of N calls and prints the smallest mean cost per call of a
 * round. Rounds are kept short (shorter than a timer tick when N is small)
 * so that the minimum is a round nothing else ran in: background work such
 * as timer interrupts would otherwise be counted as the call's cost.
 *
 * serve keeps one process for every row of a benchmark (tests/bench,
 * DG_BENCH_ONE_PROCESS=1): on 7.x kernels a failing exec's cost moved by
 * hundreds of instructions from one new process to the next (each process
 * steady within itself), which on 6.1 and 6.12 it did not, and which hid
 * the rows' differences.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static double dg_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* One measurement: prints its figure; 0, or 1 if a call failed. */
static int dg_measure(int fail, char *file, long n, long rounds)
{
	char *args[] = { file, NULL };
	double best = 0, t;
	long i, round;
	int status;
	pid_t pid;

	for (round = 0; round < rounds; round++) {
		t = dg_now();
		for (i = 0; i < n; i++) {
			if (fail) {
				execve(file, args, NULL);
				if (errno != ENOEXEC) {
					perror("execve");
					return 1;
				}
				continue;
			}
			pid = fork();
			if (pid == 0) {
				close(1);	/* the output is ours */
				execve(file, args, NULL);
				_exit(127);
			}
			if (pid < 0 || waitpid(pid, &status, 0) < 0 ||
			    !WIFEXITED(status) || WEXITSTATUS(status)) {
				fprintf(stderr, "spawn-bench: %s failed\n", file);
				return 1;
			}
		}
		t = (dg_now() - t) / n;
		if (!round || t < best)
			best = t;
	}
	printf("%.0f\n", best);
	fflush(stdout);
	return 0;
}

/* WHAT is spawn or fail, N and R positive numbers; sets *fail. */
static int dg_args(const char *what, long n, long r, int *fail)
{
	if (strcmp(what, "spawn") && strcmp(what, "fail"))
		return 0;
	*fail = what[0] == 'f';
	return n > 0 && r > 0;
}

int main(int argc, char **argv)
{
	char line[4096], what[16], file[4000];
	long n, r;
	int fail;

	if (argc == 2 && !strcmp(argv[1], "serve")) {
		while (fgets(line, sizeof(line), stdin)) {
			if (sscanf(line, "%15s %3999s %ld %ld", what, file, &n, &r) != 4 ||
			    !dg_args(what, n, r, &fail)) {
				fprintf(stderr, "spawn-bench: serve wants \"spawn|fail FILE N R\", got %s", line);
				return 2;
			}
			if (dg_measure(fail, file, n, r))
				return 1;
		}
		return 0;
	}
	if (argc != 5 || !dg_args(argv[1], atol(argv[3]), atol(argv[4]), &fail)) {
		fprintf(stderr, "usage: spawn-bench spawn|fail FILE N ROUNDS | spawn-bench serve\n");
		return 2;
	}
	return dg_measure(fail, argv[2], atol(argv[3]), atol(argv[4]));
}
