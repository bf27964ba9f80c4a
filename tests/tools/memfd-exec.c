// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: copies FILE into a memfd and runs it with fexecve(), the
 * way fileless malware does. Exits 126 with the errno text on failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>

extern char **environ;

int main(int argc, char **argv)
{
	struct stat st;
	int in, mfd;

	if (argc < 2) {
		fprintf(stderr, "usage: memfd-exec FILE [ARGS]\n");
		return 2;
	}
	in = open(argv[1], O_RDONLY);
	if (in < 0 || fstat(in, &st)) {
		perror(argv[1]);
		return 2;
	}
	mfd = memfd_create("innocent", MFD_CLOEXEC);
	if (mfd < 0 || sendfile(mfd, in, NULL, st.st_size) != st.st_size) {
		perror("memfd");
		return 2;
	}
	fexecve(mfd, argv + 1, environ);
	printf("memfd-exec: %s\n", strerror(errno));
	return 126;
}
