// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: runs FILE through an open descriptor, either with
 * execveat(fd, "", AT_EMPTY_PATH) or through /proc/self/fd/N.
 * Exits 126 with the errno text on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

extern char **environ;

int main(int argc, char **argv)
{
	char path[64];
	int fd;

	if (argc < 3 || (strcmp(argv[1], "execveat") && strcmp(argv[1], "proc"))) {
		fprintf(stderr, "usage: fd-exec execveat|proc FILE\n");
		return 2;
	}
	fd = open(argv[2], O_RDONLY);
	if (fd < 0) {
		perror(argv[2]);
		return 2;
	}
	if (!strcmp(argv[1], "execveat")) {
		syscall(SYS_execveat, fd, "", argv + 2, environ, AT_EMPTY_PATH);
	} else {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		execve(path, argv + 2, environ);
	}
	printf("fd-exec: %s\n", strerror(errno));
	return 126;
}
