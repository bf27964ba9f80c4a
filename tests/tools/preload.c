// SPDX-License-Identifier: GPL-2.0
/* Test library: announces itself when LD_PRELOAD maps it. */
#include <stdio.h>

__attribute__((constructor)) static void dg_preloaded(void)
{
	fputs("drift-library-loaded\n", stdout);
}
