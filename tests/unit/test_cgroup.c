// SPDX-License-Identifier: GPL-2.0
/* Unit tests: how driftctl turns a CGROUP operand into a cgroup2 path. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cgroup.h"

static void relative_path_is_under_the_mount(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup", "system.slice", out,
					sizeof(out)), 0);
	assert_string_equal(out, "/sys/fs/cgroup/system.slice");
}

static void absolute_path_under_the_mount_is_kept(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup",
					"/sys/fs/cgroup/kubepods.slice/pod1",
					out, sizeof(out)), 0);
	assert_string_equal(out, "/sys/fs/cgroup/kubepods.slice/pod1");
}

static void trailing_slashes_are_dropped(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup", "system.slice//",
					out, sizeof(out)), 0);
	assert_string_equal(out, "/sys/fs/cgroup/system.slice");
}

static void absolute_path_outside_the_mount_is_rejected(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup", "/etc", out,
					sizeof(out)), -EINVAL);
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup", "/sys/fs/cgroupx",
					out, sizeof(out)), -EINVAL);
}

static void too_long_a_path_is_rejected(void **state)
{
	char out[16];

	(void)state;
	assert_int_equal(dg_cgroup_path("/sys/fs/cgroup", "system.slice", out,
					sizeof(out)), -ENAMETOOLONG);
}

static void a_file_that_is_not_a_cgroup_has_no_id(void **state)
{
	uint64_t id;

	(void)state;
	assert_int_equal(dg_cgroup_id("/", &id), -EINVAL);
	assert_int_equal(dg_cgroup_id("/etc/passwd", &id), -ENOTDIR);
	assert_int_equal(dg_cgroup_id("/nonexistent/cgroup", &id), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(relative_path_is_under_the_mount),
		cmocka_unit_test(absolute_path_under_the_mount_is_kept),
		cmocka_unit_test(trailing_slashes_are_dropped),
		cmocka_unit_test(absolute_path_outside_the_mount_is_rejected),
		cmocka_unit_test(too_long_a_path_is_rejected),
		cmocka_unit_test(a_file_that_is_not_a_cgroup_has_no_id),
	};

	return cmocka_run_group_tests_name("cgroup", tests, NULL, NULL);
}
