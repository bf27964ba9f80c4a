// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: clone-into CGROUP_DIR PROGRAM [ARGS...] starts PROGRAM in a
 * child that clone3(CLONE_INTO_CGROUP) placed in CGROUP_DIR, without any
 * write to a cgroup.procs file. Exits with the child's status, or 1 with a
 * message when clone3 fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct clone_args args;
	long pid;
	int fd, st;

	if (argc < 3) {
		fprintf(stderr, "usage: clone-into CGROUP_DIR PROGRAM [ARGS...]\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_DIRECTORY);
	if (fd < 0) {
		fprintf(stderr, "clone-into: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	memset(&args, 0, sizeof(args));
	args.flags = CLONE_INTO_CGROUP;
	args.exit_signal = SIGCHLD;
	args.cgroup = (unsigned int)fd;
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid < 0) {
		fprintf(stderr, "clone-into: clone3 into %s: %s\n", argv[1],
			strerror(errno));
		return 1;
	}
	if (pid == 0) {
		execv(argv[2], argv + 2);
		fprintf(stderr, "clone-into: %s: %s\n", argv[2], strerror(errno));
		_exit(126);
	}
	if (waitpid((pid_t)pid, &st, 0) < 0)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
