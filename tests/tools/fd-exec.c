// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: runs FILE through an open descriptor, either with
 * execveat(fd, "", AT_EMPTY_PATH) or through /proc/self/fd/N; or runs a
 * file that has no name: "deleted" unlinks FILE once open, "tmpfile DIR"
 * copies FILE into an O_TMPFILE in DIR (both then execveat()).
 * Exits 126 with the errno text on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

extern char **environ;

/* Copies @file into an unnamed O_TMPFILE in @dir and runs that. */
static int tmpfile_exec(const char *dir, const char *file, char **argv)
{
	char buf[65536], path[64];
	int in, out, fd;
	ssize_t n;

	in = open(file, O_RDONLY);
	out = open(dir, O_TMPFILE | O_RDWR, 0755);
	if (in < 0 || out < 0) {
		perror(in < 0 ? file : dir);
		return 2;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n) {
			perror("write");
			return 2;
		}
	/* A file open for writing cannot be executed: reopen it read-only. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", out);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		perror(path);
		return 2;
	}
	close(out);
	syscall(SYS_execveat, fd, "", argv, environ, AT_EMPTY_PATH);
	printf("fd-exec: %s\n", strerror(errno));
	return 126;
}

int main(int argc, char **argv)
{
	char path[64];
	int fd;

	if (argc == 4 && !strcmp(argv[1], "tmpfile"))
		return tmpfile_exec(argv[2], argv[3], argv + 3);
	if (argc < 3 || (strcmp(argv[1], "execveat") && strcmp(argv[1], "proc") &&
			 strcmp(argv[1], "deleted"))) {
		fprintf(stderr, "usage: fd-exec execveat|proc|deleted FILE | tmpfile DIR FILE\n");
		return 2;
	}
	fd = open(argv[2], O_RDONLY);
	if (fd < 0) {
		perror(argv[2]);
		return 2;
	}
	if (!strcmp(argv[1], "deleted") && unlink(argv[2])) {
		perror(argv[2]);
		return 2;
	}
	if (strcmp(argv[1], "proc")) {
		syscall(SYS_execveat, fd, "", argv + 2, environ, AT_EMPTY_PATH);
	} else {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		execve(path, argv + 2, environ);
	}
	printf("fd-exec: %s\n", strerror(errno));
	return 126;
}
