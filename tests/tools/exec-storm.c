// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: runs FILE N times (fork + execve) and counts the outcomes.
 * Prints "ran=R denied=D other=O": ran = exited 0, denied = execve failed
 * with EPERM, other = anything else.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv)
{
	long i, n, ran = 0, denied = 0, other = 0;
	int status;
	pid_t pid;

	if (argc != 3) {
		fprintf(stderr, "usage: exec-storm FILE N\n");
		return 2;
	}
	n = atol(argv[2]);
	for (i = 0; i < n; i++) {
		pid = fork();
		if (pid == 0) {
			char *args[] = { argv[1], NULL };

			close(1);	/* quiet children: thousands of them */
			execve(argv[1], args, NULL);
			_exit(errno == EPERM ? 100 : 101);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0) {
			other++;
			continue;
		}
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			ran++;
		else if (WIFEXITED(status) && WEXITSTATUS(status) == 100)
			denied++;
		else
			other++;
	}
	printf("ran=%ld denied=%ld other=%ld\n", ran, denied, other);
	return 0;
}
