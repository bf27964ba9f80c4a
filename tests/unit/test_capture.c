// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a capture lists an upper layer's changes, bounded, in its documented format. */
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
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <cmocka.h>

#include "capture.h"

/* sha256sum of the 6 bytes "hello\n" */
#define HELLO_SHA256 "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"

struct fixture {
	char dir[64];
	char upper[128];
	char lower[128];
};

static void put(const char *dir, const char *rel, const char *text, mode_t mode)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(chmod(path, mode), 0);
}

static void dir(const char *base, const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", base, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/dg-capture-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->upper, sizeof(fx->upper), "%s/upper", fx->dir);
	snprintf(fx->lower, sizeof(fx->lower), "%s/lower", fx->dir);
	if (mkdir(fx->upper, 0755) || mkdir(fx->lower, 0755))
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd))
		return -1;
	free(fx);
	return 0;
}

/* The change of @path in @doc's "changes", or NULL when not listed. */
static struct json_object *change(struct json_object *doc, const char *path)
{
	struct json_object *arr, *e, *p;
	size_t i;

	assert_true(json_object_object_get_ex(doc, "changes", &arr));
	for (i = 0; i < json_object_array_length(arr); i++) {
		e = json_object_array_get_idx(arr, i);
		if (json_object_object_get_ex(e, "path", &p) &&
		    !strcmp(json_object_get_string(p), path))
			return e;
	}
	return NULL;
}

static const char *field(struct json_object *e, const char *key)
{
	struct json_object *v;

	assert_non_null(e);
	return json_object_object_get_ex(e, key, &v) ? json_object_get_string(v) : NULL;
}

static const struct dg_capture_limits roomy = { 1000, 1 << 20 };

static void added_modified_and_executables_hashed(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object();

	dir(fx->lower, "etc");
	put(fx->lower, "etc/passwd", "root\n", 0644);
	dir(fx->upper, "etc");
	put(fx->upper, "etc/passwd", "root\nevil\n", 0644);
	dir(fx->upper, "tmp");
	put(fx->upper, "tmp/payload", "hello\n", 0755);
	put(fx->upper, "tmp/notes", "hello\n", 0644);
	assert_int_equal(dg_capture_diff(doc, fx->upper, fx->lower, &roomy, 1 << 20), 0);

	assert_string_equal(field(change(doc, "/etc/passwd"), "change"), "modified");
	/* A directory the lower layer has holds children only: not listed. */
	assert_null(change(doc, "/etc"));
	assert_string_equal(field(change(doc, "/tmp"), "change"), "added");
	assert_string_equal(field(change(doc, "/tmp/payload"), "change"), "added");
	assert_string_equal(field(change(doc, "/tmp/payload"), "type"), "file");
	assert_string_equal(field(change(doc, "/tmp/payload"), "mode"), "0755");
	assert_string_equal(field(change(doc, "/tmp/payload"), "size"), "6");
	assert_string_equal(field(change(doc, "/tmp/payload"), "uid"), "0");
	assert_non_null(field(change(doc, "/tmp/payload"), "mtime"));
	assert_string_equal(field(change(doc, "/tmp/payload"), "sha256"), HELLO_SHA256);
	/* Neither executable nor ELF: not hashed. */
	assert_null(field(change(doc, "/tmp/notes"), "sha256"));
	/* Sorted by path. */
	assert_string_equal(field(json_object_array_get_idx(
		json_object_object_get(doc, "changes"), 0), "path"), "/etc/passwd");
	assert_null(json_object_object_get(doc, "truncated"));
	json_object_put(doc);
}

static void elf_library_without_x_bit_is_hashed(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object();

	put(fx->upper, "libevil.so", "\177ELF....", 0644);
	assert_int_equal(dg_capture_diff(doc, fx->upper, fx->lower, &roomy, 1 << 20), 0);
	assert_non_null(field(change(doc, "/libevil.so"), "sha256"));
	json_object_put(doc);
}

static void whiteout_is_deleted_and_opaque_dir_is_opaque(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object();
	char path[256];

	dir(fx->lower, "bin");
	put(fx->lower, "bin/ls", "ls", 0755);
	dir(fx->lower, "var");
	dir(fx->upper, "bin");
	snprintf(path, sizeof(path), "%s/bin/ls", fx->upper);
	if (mknod(path, S_IFCHR | 0, makedev(0, 0)) && errno == EPERM)
		skip();
	dir(fx->upper, "var");
	snprintf(path, sizeof(path), "%s/var", fx->upper);
	if (setxattr(path, "trusted.overlay.opaque", "y", 1, 0) && errno == EPERM)
		skip();
	assert_int_equal(dg_capture_diff(doc, fx->upper, fx->lower, &roomy, 1 << 20), 0);
	assert_string_equal(field(change(doc, "/bin/ls"), "change"), "deleted");
	/* A whiteout has no file to describe. */
	assert_null(field(change(doc, "/bin/ls"), "mode"));
	assert_string_equal(field(change(doc, "/var"), "change"), "opaque");
	assert_null(change(doc, "/bin"));
	json_object_put(doc);
}

static void entries_beyond_the_bound_are_cut_and_said(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object();
	const struct dg_capture_limits three = { 3, 1 << 20 };
	char name[32];
	int i;

	for (i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		put(fx->upper, name, "x", 0644);
	}
	assert_int_equal(dg_capture_diff(doc, fx->upper, fx->lower, &three, 1 << 20), 0);
	assert_int_equal(json_object_array_length(json_object_object_get(doc, "changes")), 3);
	assert_string_equal(json_object_to_json_string_ext(
		json_object_object_get(doc, "truncated"), JSON_C_TO_STRING_PLAIN),
		"[\"changes\"]");
	json_object_put(doc);
}

static void bytes_beyond_the_budget_are_cut(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object();
	char name[32];
	int i;

	for (i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "file-%d", i);
		put(fx->upper, name, "x", 0644);
	}
	assert_int_equal(dg_capture_diff(doc, fx->upper, fx->lower, &roomy, 1000), 0);
	assert_true(strlen(json_object_to_json_string_ext(
		json_object_object_get(doc, "changes"), JSON_C_TO_STRING_PLAIN)) <= 1000);
	assert_true(json_object_array_length(json_object_object_get(doc, "changes")) > 0);
	assert_non_null(json_object_object_get(doc, "truncated"));
	json_object_put(doc);
}

static void mountinfo_root_overlay_gives_upper_and_lower(void **state)
{
	struct fixture *fx = *state;
	char mi[128], upper[256], lower[256];
	FILE *f;

	snprintf(mi, sizeof(mi), "%s/mountinfo", fx->dir);
	f = fopen(mi, "w");
	assert_non_null(f);
	fputs("22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
	      "600 599 0:52 / / rw,relatime - overlay overlay rw,lowerdir=/img\\040a:/img2,"
	      "upperdir=/var/lib/c\\054d/upper,workdir=/var/lib/w\n"
	      "601 600 0:53 / /proc rw - proc proc rw\n", f);
	fclose(f);
	assert_int_equal(dg_capture_find_overlay(mi, upper, sizeof(upper), lower,
						 sizeof(lower)), 0);
	assert_string_equal(upper, "/var/lib/c,d/upper");
	assert_string_equal(lower, "/img a:/img2");
}

static void mountinfo_without_root_overlay_is_enoent(void **state)
{
	struct fixture *fx = *state;
	char mi[128], upper[256], lower[256];
	FILE *f;

	snprintf(mi, sizeof(mi), "%s/mountinfo", fx->dir);
	f = fopen(mi, "w");
	assert_non_null(f);
	fputs("22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
	      "600 22 0:52 / /mnt rw - overlay overlay rw,lowerdir=/a,upperdir=/b,workdir=/c\n", f);
	fclose(f);
	assert_int_equal(dg_capture_find_overlay(mi, upper, sizeof(upper), lower,
						 sizeof(lower)), -ENOENT);
}

static void name_sorts_by_time_and_names_the_container(void **state)
{
	char a[256], b[256];

	(void)state;
	dg_capture_name(1764633600123456789ULL, "0123456789ab", a, sizeof(a));
	assert_string_equal(a, "20251202T000000.123456789Z-0123456789ab.json");
	dg_capture_name(1764633601000000000ULL, "my/ctr name", b, sizeof(b));
	assert_string_equal(b, "20251202T000001.000000000Z-my_ctr_name.json");
	assert_true(strcmp(a, b) < 0);
}

static void write_keeps_the_newest_and_is_json(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc, *back;
	char cdir[128], name[256], path[512];
	int i;

	snprintf(cdir, sizeof(cdir), "%s/captures", fx->dir);
	for (i = 0; i < 5; i++) {
		doc = json_object_new_object();
		json_object_object_add(doc, "format", json_object_new_string(DG_CAPTURE_FORMAT));
		dg_capture_name(1764633600000000000ULL + (uint64_t)i, "c", name, sizeof(name));
		assert_int_equal(dg_capture_write(cdir, name, doc, 3), 0);
		json_object_put(doc);
	}
	for (i = 0; i < 5; i++) {
		dg_capture_name(1764633600000000000ULL + (uint64_t)i, "c", name, sizeof(name));
		snprintf(path, sizeof(path), "%s/%s", cdir, name);
		assert_int_equal(access(path, F_OK) == 0, i >= 2);
	}
	back = json_object_from_file(path);
	assert_non_null(back);
	assert_string_equal(json_object_get_string(json_object_object_get(back, "format")),
			    DG_CAPTURE_FORMAT);
	json_object_put(back);
}

static void dir_that_is_a_file_is_not_ready(void **state)
{
	struct fixture *fx = *state;
	char path[256];

	put(fx->dir, "plain", "x", 0644);
	snprintf(path, sizeof(path), "%s/plain", fx->dir);
	assert_int_equal(dg_capture_dir_ready(path), -ENOTDIR);
	snprintf(path, sizeof(path), "%s/new/captures", fx->dir);
	assert_int_equal(dg_capture_dir_ready(path), 0);
}

static void processes_of_a_cgroup_dir_are_listed(void **state)
{
	struct fixture *fx = *state;
	struct json_object *doc = json_object_new_object(), *arr, *p;
	char cg[256], text[32];

	/* A stand-in cgroup directory: this process, and one below it. */
	snprintf(cg, sizeof(cg), "%s/cg", fx->dir);
	assert_int_equal(mkdir(cg, 0755), 0);
	snprintf(text, sizeof(text), "%d\n", getpid());
	put(cg, "cgroup.procs", text, 0644);
	dir(cg, "child");
	put(cg, "child/cgroup.procs", "1\n", 0644);
	assert_int_equal(dg_capture_procs(doc, cg, &roomy), 0);
	arr = json_object_object_get(doc, "processes");
	assert_int_equal(json_object_array_length(arr), 2);
	p = json_object_array_get_idx(arr, 0);
	snprintf(text, sizeof(text), "%d", getpid());
	assert_string_equal(field(p, "pid"), text);
	snprintf(text, sizeof(text), "%d", getppid());
	assert_string_equal(field(p, "ppid"), text);
	assert_non_null(strstr(field(p, "exe"), "unit-test_capture"));
	assert_non_null(strstr(field(p, "cmdline"), "unit-test_capture"));
	assert_string_equal(field(json_object_array_get_idx(arr, 1), "pid"), "1");
	json_object_put(doc);
}

static void capturer_due_once_per_container_and_window(void **state)
{
	static struct dg_capturer c;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_true(dg_capturer_due(&c, "a", 1000000000ULL, 300));
	assert_false(dg_capturer_due(&c, "a", 2000000000ULL, 300));
	assert_true(dg_capturer_due(&c, "b", 2000000000ULL, 300));
	assert_true(dg_capturer_due(&c, "a", 302000000000ULL, 300));
	/* Without throttling, every record. */
	assert_true(dg_capturer_due(&c, "a", 302000000001ULL, 0));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(added_modified_and_executables_hashed),
		T(elf_library_without_x_bit_is_hashed),
		T(whiteout_is_deleted_and_opaque_dir_is_opaque),
		T(entries_beyond_the_bound_are_cut_and_said),
		T(bytes_beyond_the_budget_are_cut),
		T(mountinfo_root_overlay_gives_upper_and_lower),
		T(mountinfo_without_root_overlay_is_enoent),
		cmocka_unit_test(name_sorts_by_time_and_names_the_container),
		T(write_keeps_the_newest_and_is_json),
		T(dir_that_is_a_file_is_not_ready),
		T(processes_of_a_cgroup_dir_are_listed),
		cmocka_unit_test(capturer_due_once_per_container_and_window),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
