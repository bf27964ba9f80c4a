// SPDX-License-Identifier: GPL-2.0
/* Unit tests: responses act on the container's cgroup, never on the root. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>
#include <linux/driftguard.h>

#include "response.h"

#define ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define ROOT "/sys/fs/cgroup"

static void target(const char *cgroup, const char *want)
{
	struct dg_container c, *ctr = NULL;
	char out[256];

	if (!dg_container_from_cgroup(cgroup, &c))
		ctr = &c;
	assert_int_equal(dg_response_target(ROOT, cgroup, ctr, out, sizeof(out)), 0);
	assert_string_equal(out, want);
}

static void sub_cgroup_of_a_container_widens_to_the_container(void **state)
{
	(void)state;
	target(ROOT "/system.slice/docker-" ID ".scope/init.scope",
	       ROOT "/system.slice/docker-" ID ".scope");
}

static void cgroup_outside_containers_is_its_own_target(void **state)
{
	(void)state;
	target(ROOT "/dgtest-1/ctr-1", ROOT "/dgtest-1/ctr-1");
}

static void cgroup2_root_is_never_a_target(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(dg_response_target(ROOT, ROOT, NULL, out, sizeof(out)),
			 -EPERM);
	assert_int_equal(dg_response_target(ROOT "/", ROOT "/", NULL, out,
					    sizeof(out)), -EPERM);
}

/* The first line of @dir/@name, "" when the file is empty. */
static void read_file(const char *dir, const char *name, char *buf, size_t size)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	assert_non_null(f);
	if (!fgets(buf, (int)size, f))
		buf[0] = '\0';
	fclose(f);
}

static void kill_and_pause_write_1_to_the_cgroup_files(void **state)
{
	char dir[] = "/tmp/dg-response-XXXXXX", path[64], buf[8];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/cgroup.kill", dir);
	f = fopen(path, "w");
	fclose(f);
	snprintf(path, sizeof(path), "%s/cgroup.freeze", dir);
	f = fopen(path, "w");
	fputs("0", f);
	fclose(f);
	assert_int_equal(dg_response_kill(dir), 0);
	read_file(dir, "cgroup.kill", buf, sizeof(buf));
	assert_string_equal(buf, "1");
	assert_int_equal(dg_response_pause(dir), 0);
	read_file(dir, "cgroup.freeze", buf, sizeof(buf));
	assert_string_equal(buf, "1");
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
	assert_int_equal(dg_response_kill(dir), -ENOENT);
}

static void kill_at_a_held_cgroup_misses_one_made_again_at_its_path(void **state)
{
	char dir[] = "/tmp/dg-response-XXXXXX", path[64], buf[8];
	int dirfd;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/cgroup.kill", dir);
	f = fopen(path, "w");
	fclose(f);
	dirfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(dirfd >= 0);
	assert_int_equal(dg_response_kill_at(dirfd), 0);
	read_file(dir, "cgroup.kill", buf, sizeof(buf));
	assert_string_equal(buf, "1");

	/* The container restarted: same path, a new directory. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	assert_int_equal(mkdir(dir, 0700), 0);
	f = fopen(path, "w");
	fclose(f);
	assert_int_equal(dg_response_kill_at(dirfd), -ENOENT);
	read_file(dir, "cgroup.kill", buf, sizeof(buf));
	assert_string_equal(buf, "");
	close(dirfd);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static void term_signals_every_process_below_the_cgroup(void **state)
{
	char dir[] = "/tmp/dg-response-XXXXXX", path[96];
	unsigned int n = 0;
	pid_t a, b;
	int status;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	a = fork();
	if (!a)
		for (;;)
			pause();
	b = fork();
	if (!b)
		for (;;)
			pause();
	snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
	f = fopen(path, "w");
	fprintf(f, "%d\n", a);
	fclose(f);
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/sub/cgroup.procs", dir);
	f = fopen(path, "w");
	fprintf(f, "%d\n", b);
	fclose(f);

	assert_int_equal(dg_response_term(dir, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(waitpid(a, &status, 0), a);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	assert_int_equal(waitpid(b, &status, 0), b);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static void acts_judged_as_they_happen_get_responses_file_drift_does_not(void **state)
{
	(void)state;
	assert_true(dg_response_answers(DRIFTGUARD_HOOK_EXEC));
	assert_true(dg_response_answers(DRIFTGUARD_HOOK_MMAP));
	/* A container denied a user namespace or a /proc/PID/mem write. */
	assert_true(dg_response_answers(DRIFTGUARD_HOOK_USERNS));
	assert_true(dg_response_answers(DRIFTGUARD_HOOK_OPEN));
	assert_false(dg_response_answers(DRIFTGUARD_HOOK_COPY_UP));
	assert_false(dg_response_answers(DRIFTGUARD_HOOK_CREATE));
	assert_false(dg_response_answers(DRIFTGUARD_HOOK_OPEN_WRITE));
	assert_false(dg_response_answers(DRIFTGUARD_HOOK_SETXATTR));
	assert_false(dg_response_answers(DRIFTGUARD_HOOK_ACL));
	assert_false(dg_response_answers(0));
	assert_false(dg_response_answers(__DRIFTGUARD_HOOK_MAX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acts_judged_as_they_happen_get_responses_file_drift_does_not),
		cmocka_unit_test(sub_cgroup_of_a_container_widens_to_the_container),
		cmocka_unit_test(cgroup_outside_containers_is_its_own_target),
		cmocka_unit_test(cgroup2_root_is_never_a_target),
		cmocka_unit_test(kill_and_pause_write_1_to_the_cgroup_files),
		cmocka_unit_test(kill_at_a_held_cgroup_misses_one_made_again_at_its_path),
		cmocka_unit_test(term_signals_every_process_below_the_cgroup),
	};

	return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
