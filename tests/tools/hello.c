// SPDX-License-Identifier: GPL-2.0
/* Test program: a stand-in for any binary; says its name and exits 0. */
#include <stdio.h>

int main(int argc, char **argv)
{
	(void)argc;
	printf("hello from %s\n", argv[0]);
	return 0;
}
