// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a drifted file is hashed in its process's root and kept once. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
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

#include "evidence.h"

#define CONTENT "drifted\n"

struct fixture {
	char dir[64];
	char file[128];
	char qdir[128];
	ino_t ino;
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	struct stat st;
	FILE *f;

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/dg-evidence-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->file, sizeof(fx->file), "%s/dropped", fx->dir);
	snprintf(fx->qdir, sizeof(fx->qdir), "%s/state/quarantine", fx->dir);
	f = fopen(fx->file, "w");
	if (!f || fputs(CONTENT, f) < 0 || fclose(f) || stat(fx->file, &st))
		return -1;
	fx->ino = st.st_ino;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "chmod -R u+w '%s'; rm -rf '%s'", fx->dir, fx->dir);
	if (system(cmd))
		return -1;
	free(fx);
	return 0;
}

/* The hash the test expects, computed by sha256sum so the test has its own. */
static void sha256sum(const char *path, char *hex)
{
	char cmd[256];
	FILE *p;

	snprintf(cmd, sizeof(cmd), "sha256sum '%s'", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%64s", hex), 1);
	pclose(p);
}

static void file_is_hashed_through_the_process_root(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev;
	char want[65];

	sha256sum(fx->file, want);
	assert_int_equal(dg_evidence_collect(getpid(), NULL, fx->file, fx->ino,
					     NULL, 0, &ev), 0);
	assert_string_equal(ev.sha256, want);
	assert_int_equal(ev.size, strlen(CONTENT));
	assert_string_equal(ev.quarantine, "");
	assert_string_equal(ev.note, "");
}

static void quarantine_keeps_one_read_only_copy_named_by_its_hash(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev, again;
	char want[65], copy[256];
	struct stat st;

	sha256sum(fx->file, want);
	assert_int_equal(dg_evidence_collect(getpid(), NULL, fx->file, 0,
					     fx->qdir, 1024, &ev), 0);
	snprintf(copy, sizeof(copy), "%s/%s", fx->qdir, want);
	assert_string_equal(ev.quarantine, copy);
	assert_int_equal(stat(copy, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0400);
	assert_int_equal(st.st_size, strlen(CONTENT));
	assert_int_equal(dg_evidence_collect(getpid(), NULL, fx->file, 0,
					     fx->qdir, 1024, &again), 0);
	assert_string_equal(again.quarantine, copy);
}

static void file_over_the_cap_is_hashed_but_not_copied(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev;

	assert_int_equal(dg_evidence_collect(getpid(), NULL, fx->file, 0,
					     fx->qdir, 3, &ev), 0);
	assert_int_equal(strlen(ev.sha256), 64);
	assert_string_equal(ev.quarantine, "");
	assert_string_equal(ev.note,
			    "quarantine: skipped, larger than quarantine_max_bytes");
}

static void replaced_file_is_not_hashed(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev;

	assert_int_equal(dg_evidence_collect(getpid(), NULL, fx->file, fx->ino + 1,
					     NULL, 0, &ev), -ESTALE);
	assert_string_equal(ev.sha256, "");
	assert_string_equal(ev.note, "not read: the file at the path was replaced");
}

static void gone_process_is_replaced_by_one_of_its_cgroup(void **state)
{
	struct fixture *fx = *state;
	char cg[160], procs[200];
	struct dg_evidence ev;
	pid_t child;
	FILE *f;

	/* A pid that surely does not exist any more: a reaped child's. */
	child = fork();
	if (!child)
		_exit(0);
	assert_true(child > 0);
	assert_int_equal(waitpid(child, NULL, 0), child);
	snprintf(cg, sizeof(cg), "%s/cgroup", fx->dir);
	assert_int_equal(mkdir(cg, 0755), 0);
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", cg);
	f = fopen(procs, "w");
	assert_non_null(f);
	fprintf(f, "%d\n", getpid());
	fclose(f);

	assert_int_equal(dg_evidence_collect(child, NULL, fx->file, 0, NULL, 0, &ev),
			 -ENOENT);
	assert_string_equal(ev.sha256, "");
	assert_int_equal(dg_evidence_collect(child, cg, fx->file, 0, NULL, 0, &ev), 0);
	assert_int_equal(strlen(ev.sha256), 64);
}

static void fifo_at_the_path_is_not_opened_for_reading(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev;
	char fifo[160];

	snprintf(fifo, sizeof(fifo), "%s/fifo", fx->dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	/* A blocking open of a FIFO without a writer would hang here. */
	assert_int_equal(dg_evidence_collect(getpid(), NULL, fifo, 0, fx->qdir,
					     1024, &ev), -EINVAL);
	assert_string_equal(ev.note, "not read: not a regular file");
	assert_string_equal(ev.sha256, "");
}

static void missing_file_says_why(void **state)
{
	struct fixture *fx = *state;
	struct dg_evidence ev;

	(void)fx;
	assert_int_equal(dg_evidence_collect(getpid(), NULL, "/nonexistent/x", 0,
					     NULL, 0, &ev), -ENOENT);
	assert_string_equal(ev.note, "not read: No such file or directory");
	assert_int_equal(dg_evidence_collect(getpid(), NULL, "memfd:x (deleted)", 0,
					     NULL, 0, &ev), -EINVAL);
}

static void only_executed_upper_volume_or_metadata_files_are_evidence(void **state)
{
	int hook, class;

	(void)state;
	for (hook = DRIFTGUARD_HOOK_EXEC; hook < __DRIFTGUARD_HOOK_MAX; hook++)
		for (class = 0; class < __DRIFTGUARD_CLASS_MAX; class++)
			assert_int_equal(dg_evidence_wanted(hook, class),
					 (hook == DRIFTGUARD_HOOK_EXEC ||
					  hook == DRIFTGUARD_HOOK_MMAP) &&
					 (class == DRIFTGUARD_CLASS_UPPER ||
					  class == DRIFTGUARD_CLASS_VOLUME ||
					  class == DRIFTGUARD_CLASS_METADATA));
	/* Spelled out: the hardening events never touch a file. */
	assert_false(dg_evidence_wanted(DRIFTGUARD_HOOK_MMAP, DRIFTGUARD_CLASS_EXECMEM));
	assert_false(dg_evidence_wanted(DRIFTGUARD_HOOK_OPEN, DRIFTGUARD_CLASS_PROCMEM));
	assert_false(dg_evidence_wanted(DRIFTGUARD_HOOK_USERNS, DRIFTGUARD_CLASS_USERNS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(file_is_hashed_through_the_process_root),
		T(quarantine_keeps_one_read_only_copy_named_by_its_hash),
		T(file_over_the_cap_is_hashed_but_not_copied),
		T(replaced_file_is_not_hashed),
		T(gone_process_is_replaced_by_one_of_its_cgroup),
		T(fifo_at_the_path_is_not_opened_for_reading),
		T(missing_file_says_why),
#undef T
		cmocka_unit_test(only_executed_upper_volume_or_metadata_files_are_evidence),
	};

	return cmocka_run_group_tests_name("evidence", tests, NULL, NULL);
}
