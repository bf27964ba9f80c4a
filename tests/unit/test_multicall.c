// SPDX-License-Identifier: GPL-2.0
/* Unit tests: which deny entries a multi-call binary walks around. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "multicall.h"

static void busybox_applet_name_is_flagged(void **state)
{
	(void)state;
	assert_non_null(dg_multicall_of("wget"));
	assert_non_null(strstr(dg_multicall_of("wget"), "busybox"));
}

static void full_path_entry_is_not_flagged(void **state)
{
	(void)state;
	assert_null(dg_multicall_of("/usr/bin/wget"));
}

static void non_applet_name_is_not_flagged(void **state)
{
	(void)state;
	assert_null(dg_multicall_of("apt-get"));
	assert_null(dg_multicall_of("busybox"));
}

static void warning_names_the_entry_and_what_to_deny(void **state)
{
	char *deny[] = { "apt-get", "nc", "/usr/bin/wget" };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	assert_non_null(out);
	assert_int_equal(dg_multicall_warn(out, "x: ", deny, 3), 1);
	fclose(out);
	assert_non_null(strstr(buf, "x: warning: deny 'nc' cannot hold"));
	assert_non_null(strstr(buf, "'busybox nc'"));
	assert_non_null(strstr(buf, "deny the multi-call binary too (busybox, toybox)"));
	assert_null(strstr(buf, "apt-get"));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(busybox_applet_name_is_flagged),
		cmocka_unit_test(full_path_entry_is_not_flagged),
		cmocka_unit_test(non_applet_name_is_not_flagged),
		cmocka_unit_test(warning_names_the_entry_and_what_to_deny),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
