// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark program: the cost of one program start, in guest nanoseconds
 * (under QEMU -icount shift=0, one nanosecond per guest instruction).
 *
 *   spawn-bench spawn FILE N R   fork + execve FILE + wait
 *   spawn-bench fail FILE N R    execve FILE (a text file: ENOEXEC), which
 *                                runs the exec checks but no program
 *
 * Runs R rounds of N calls and prints the smallest mean cost per call of a
 * round. Rounds are kept short (shorter than a timer tick when N is small)
 * so that the minimum is a round nothing else ran in: background work such
 * as timer interrupts would otherwise be counted as the call's cost.
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

int main(int argc, char **argv)
{
	char *args[] = { NULL, NULL };
	double best = 0, t;
	long i, n, round, rounds;
	int status;
	pid_t pid;

	if (argc != 5 || (strcmp(argv[1], "spawn") && strcmp(argv[1], "fail"))) {
		fprintf(stderr, "usage: spawn-bench spawn|fail FILE N ROUNDS\n");
		return 2;
	}
	args[0] = argv[2];
	n = atol(argv[3]);
	rounds = atol(argv[4]);
	for (round = 0; round < rounds; round++) {
		t = dg_now();
		for (i = 0; i < n; i++) {
			if (argv[1][0] == 'f') {
				execve(argv[2], args, NULL);
				if (errno != ENOEXEC) {
					perror("execve");
					return 1;
				}
				continue;
			}
			pid = fork();
			if (pid == 0) {
				close(1);	/* the output is ours */
				execve(argv[2], args, NULL);
				_exit(127);
			}
			if (pid < 0 || waitpid(pid, &status, 0) < 0 ||
			    !WIFEXITED(status) || WEXITSTATUS(status)) {
				fprintf(stderr, "spawn-bench: %s failed\n", argv[2]);
				return 1;
			}
		}
		t = (dg_now() - t) / n;
		if (!round || t < best)
			best = t;
	}
	printf("%.0f\n", best);
	return 0;
}
