// SPDX-License-Identifier: GPL-2.0
/*
 * Test program (dynamic): dlopen()s LIB, as a plugin loader does. Prints
 * "dlopen-lib: loaded LIB" and exits 0, or prints dlerror() and exits 1.
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	void *h;

	if (argc != 2) {
		fprintf(stderr, "usage: dlopen-lib LIB\n");
		return 2;
	}
	h = dlopen(argv[1], RTLD_NOW);
	if (!h) {
		printf("dlopen-lib: %s\n", dlerror());
		return 1;
	}
	printf("dlopen-lib: loaded %s\n", argv[1]);
	return 0;
}
