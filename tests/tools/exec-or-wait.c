// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: exec-or-wait [--uid N] FILE [ARG...] becomes uid and gid N
 * (when given), then runs FILE. When the exec is refused it prints
 * "exec-or-wait: pid P ppid Q: FILE: <errno text>" on stderr and stays
 * alive until its stdin ends, so the process that tried the exec can still
 * be looked at through /proc; then it exits 126.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <grp.h>

int main(int argc, char **argv)
{
	int i = 1, err;
	char c;

	if (argc > 3 && !strcmp(argv[1], "--uid")) {
		unsigned int id = (unsigned int)strtoul(argv[2], NULL, 10);

		if (setgroups(0, NULL) || setresgid(id, id, id) ||
		    setresuid(id, id, id)) {
			perror("exec-or-wait: --uid");
			return 2;
		}
		i = 3;
	}
	if (i >= argc) {
		fprintf(stderr, "usage: exec-or-wait [--uid N] FILE [ARG...]\n");
		return 2;
	}
	execv(argv[i], argv + i);
	err = errno;
	fprintf(stderr, "exec-or-wait: pid %d ppid %d: %s: %s\n", (int)getpid(),
		(int)getppid(), argv[i], strerror(err));
	while (read(STDIN_FILENO, &c, 1) > 0)
		;
	return 126;
}
