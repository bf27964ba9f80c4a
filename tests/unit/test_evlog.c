// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the event log's hash chain shows edits, deletions and reordering. */
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
#include <cmocka.h>

#include "evlog.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"
#define MAX_LINES 16

struct fixture {
	char dir[64];
	char path[128];
};

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof(*fx));

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/dg-evlog-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->path, sizeof(fx->path), "%s/events.jsonl", fx->dir);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd))
		return -1;
	free(fx);
	return 0;
}

static void append_events(const char *path, int n, uint32_t first_pid)
{
	static const struct dg_container c = {
		.runtime = DG_RUNTIME_CONTAINERD,
		.id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
		.pod_uid = "8d3e5a12-7b4c-4e6f-9a1b-2c3d4e5f6a7b",
	};
	struct dg_evlog *log;
	int i;

	assert_int_equal(dg_evlog_open(path, &log), 0);
	for (i = 0; i < n; i++) {
		struct dg_nl_event ev = {
			.time = 1700000000000000000ULL + i, .action = 2,
			.class = 1, .hook = 1, .pid = first_pid + i,
			.tgid = first_pid + i, .ppid = 1, .uid = 0, .gid = 0,
			.comm = "sh", .path = "/tmp/x", .filename = "./x",
			.cgroup = "/sys/fs/cgroup/kubepods.slice/x", .cgroup_id = 42,
			.policy_cgroup_id = 7, .dev = 2049, .ino = 1234,
			.container = i % 2 ? &c : NULL,
		};

		assert_int_equal(dg_evlog_append(log, &ev), 0);
	}
	dg_evlog_close(log);
}

/* The file as lines, newlines included; returns how many. */
static int read_lines(const char *path, char **lines)
{
	FILE *f = fopen(path, "r");
	size_t cap = 0;
	int n = 0;

	assert_non_null(f);
	lines[0] = NULL;
	while (n < MAX_LINES && getline(&lines[n], &cap, f) > 0) {
		n++;
		lines[n] = NULL;
		cap = 0;
	}
	free(lines[n]);
	fclose(f);
	return n;
}

static void write_lines(const char *path, char **lines, int n)
{
	FILE *f = fopen(path, "w");
	int i;

	assert_non_null(f);
	for (i = 0; i < n; i++)
		fputs(lines[i], f);
	fclose(f);
}

static void free_lines(char **lines, int n)
{
	while (n--)
		free(lines[n]);
}

static int verify(const char *path, struct dg_verify_result *r)
{
	FILE *f = fopen(path, "r");
	int err;

	assert_non_null(f);
	err = dg_evlog_verify(f, r);
	fclose(f);
	return err;
}

static void expect_intact(const char *path, unsigned long records)
{
	struct dg_verify_result r;

	assert_int_equal(verify(path, &r), 0);
	assert_int_equal(r.status, DG_VERIFY_INTACT);
	assert_int_equal(r.records, records);
}

static void expect_bad(const char *path, enum dg_verify_status status,
		       unsigned long line)
{
	struct dg_verify_result r;

	assert_int_equal(verify(path, &r), -EBADMSG);
	assert_int_equal(r.status, status);
	assert_int_equal(r.line, line);
	assert_true(r.reason[0]);
}

static void intact_log_verifies_with_its_record_count(void **state)
{
	struct fixture *fx = *state;

	append_events(fx->path, 5, 100);
	expect_intact(fx->path, 5);
}

static void empty_file_verifies_with_zero_records(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result r;
	FILE *f = fopen(fx->path, "w");

	assert_non_null(f);
	fclose(f);
	assert_int_equal(verify(fx->path, &r), 0);
	assert_int_equal(r.records, 0);
}

static void first_record_of_a_new_log_carries_64_zeros(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result r;

	append_events(fx->path, 1, 100);
	assert_int_equal(verify(fx->path, &r), 0);
	assert_string_equal(r.first_prev, ZEROS);
}

static void record_has_the_fields_of_driftctl_events_json_and_the_container(void **state)
{
	static const char *const keys[] = {
		"time", "time_ns", "action", "class", "hook", "pid", "tgid", "ppid", "uid",
		"gid", "comm", "path", "filename", "interpreter", "cgroup",
		"cgroup_id", "policy_cgroup_id", "dev", "ino", "runtime",
		"container_id", "pod_uid", "prev",
	};
	struct fixture *fx = *state;
	struct json_object *o, *v;
	char *lines[MAX_LINES + 1];
	size_t i = 0;

	append_events(fx->path, 2, 100);
	assert_int_equal(read_lines(fx->path, lines), 2);
	o = json_tokener_parse(lines[1]);
	assert_non_null(o);
	json_object_object_foreach(o, key, val) {
		(void)val;
		assert_true(i < sizeof(keys) / sizeof(keys[0]));
		assert_string_equal(key, keys[i++]);
	}
	assert_int_equal(i, sizeof(keys) / sizeof(keys[0]));
	assert_true(json_object_object_get_ex(o, "action", &v));
	assert_string_equal(json_object_get_string(v), "blocked");
	assert_true(json_object_object_get_ex(o, "runtime", &v));
	assert_string_equal(json_object_get_string(v), "containerd");
	assert_true(json_object_object_get_ex(o, "pid", &v));
	assert_int_equal(json_object_get_int64(v), 101);
	json_object_put(o);

	/* Record 1 is not in a container: no container fields. */
	o = json_tokener_parse(lines[0]);
	assert_non_null(o);
	assert_false(json_object_object_get_ex(o, "runtime", NULL));
	assert_false(json_object_object_get_ex(o, "container_id", NULL));
	assert_false(json_object_object_get_ex(o, "pod_uid", NULL));
	json_object_put(o);
	free_lines(lines, 2);
}

static void editing_any_field_of_a_middle_record_names_that_record(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1], *orig;
	struct json_object *o;
	int n, fields = 0;

	/* Record 4 of 6: in a container, so it has every field. */
	append_events(fx->path, 6, 100);
	n = read_lines(fx->path, lines);
	orig = strdup(lines[3]);
	o = json_tokener_parse(orig);
	assert_non_null(o);
	json_object_object_foreach(o, key, val) {
		struct json_object *e = json_tokener_parse(orig);
		const char *s;

		(void)val;
		if (!strcmp(key, "prev")) {
			json_object_put(e);
			continue;
		}
		/* A different value of the same type, or an extra character. */
		if (json_object_is_type(val, json_type_string))
			json_object_object_add(e, key, json_object_new_string(
				strlen(json_object_get_string(val)) ? "X" : "Y"));
		else
			json_object_object_add(e, key, json_object_new_int64(
				json_object_get_int64(val) + 1));
		s = json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN |
						   JSON_C_TO_STRING_NOSLASHESCAPE);
		free(lines[3]);
		assert_int_not_equal(asprintf(&lines[3], "%s\n", s), -1);
		json_object_put(e);
		write_lines(fx->path, lines, n);
		expect_bad(fx->path, DG_VERIFY_BROKEN, 4);
		fields++;
	}
	assert_int_equal(fields, 19 + 3);	/* event and container fields */
	json_object_put(o);
	free(orig);
	free_lines(lines, n);
}

static void changing_one_byte_of_a_middle_record_names_that_record(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	append_events(fx->path, 5, 100);
	n = read_lines(fx->path, lines);
	strstr(lines[3], "\"pid\":103")[8] = '9';
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_BROKEN, 4);
	free_lines(lines, n);
}

static void editing_a_prev_names_the_record_before_it(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1], *p;
	int n;

	append_events(fx->path, 5, 100);
	n = read_lines(fx->path, lines);
	p = strstr(lines[2], "\"prev\":\"") + 8;
	*p = *p == 'a' ? 'b' : 'a';
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_BROKEN, 2);
	free_lines(lines, n);
}

static void deleting_a_record_names_the_record_before_the_gap(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	append_events(fx->path, 5, 100);
	n = read_lines(fx->path, lines);
	free(lines[2]);
	memmove(&lines[2], &lines[3], (n - 3) * sizeof(lines[0]));
	write_lines(fx->path, lines, n - 1);
	expect_bad(fx->path, DG_VERIFY_BROKEN, 2);
	free_lines(lines, n - 1);
}

static void swapping_two_records_breaks_the_chain_before_them(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1], *t;
	int n;

	append_events(fx->path, 5, 100);
	n = read_lines(fx->path, lines);
	t = lines[2];
	lines[2] = lines[3];
	lines[3] = t;
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_BROKEN, 2);
	free_lines(lines, n);
}

static void non_json_line_is_named_as_garbled(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	append_events(fx->path, 5, 100);
	n = read_lines(fx->path, lines);
	free(lines[2]);
	lines[2] = strdup("Nov 12 10:00:00 host sshd[1]: hello\n");
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_GARBLED, 3);
	free_lines(lines, n);
}

static void record_without_prev_is_named_as_garbled(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	append_events(fx->path, 3, 100);
	n = read_lines(fx->path, lines);
	free(lines[1]);
	lines[1] = strdup("{\"time\":1,\"action\":\"blocked\"}\n");
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_GARBLED, 2);
	free(lines[1]);
	lines[1] = strdup("{\"time\":1,\"prev\":\"abc\"}\n");
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_GARBLED, 2);
	free(lines[1]);
	lines[1] = strdup("{\"time\":1} trailing\n");
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_GARBLED, 2);
	free_lines(lines, n);
}

static void record_cut_off_at_the_end_is_named_as_truncated(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	append_events(fx->path, 3, 100);
	n = read_lines(fx->path, lines);
	lines[2][strlen(lines[2]) / 2] = '\0';
	write_lines(fx->path, lines, n);
	expect_bad(fx->path, DG_VERIFY_TRUNCATED, 3);
	free_lines(lines, n);
}

static void edit_of_the_last_record_is_not_detected_by_the_chain(void **state)
{
	struct fixture *fx = *state;
	char *lines[MAX_LINES + 1];
	int n;

	/* The documented limit: no later record vouches for the last one. */
	append_events(fx->path, 3, 100);
	n = read_lines(fx->path, lines);
	strstr(lines[2], "\"pid\":102")[8] = '9';
	write_lines(fx->path, lines, n);
	expect_intact(fx->path, 3);
	free_lines(lines, n);
}

static void appending_after_reopen_continues_the_chain(void **state)
{
	struct fixture *fx = *state;

	append_events(fx->path, 2, 100);
	append_events(fx->path, 3, 200);
	expect_intact(fx->path, 5);
}

static void torn_last_line_is_cut_off_when_the_log_is_opened(void **state)
{
	struct fixture *fx = *state;
	FILE *f;

	append_events(fx->path, 2, 100);
	f = fopen(fx->path, "a");
	assert_non_null(f);
	fputs("{\"time\":17000000", f);
	fclose(f);
	append_events(fx->path, 1, 300);
	expect_intact(fx->path, 3);
}

static void new_file_after_rotation_chains_to_the_old_files_last_line(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result old, cur;
	struct dg_evlog *log;
	char rotated[160];
	struct dg_nl_event ev = { .comm = "sh" };

	assert_int_equal(dg_evlog_open(fx->path, &log), 0);
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	snprintf(rotated, sizeof(rotated), "%s.1", fx->path);
	assert_int_equal(rename(fx->path, rotated), 0);
	assert_int_equal(dg_evlog_reopen(log), 0);
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	dg_evlog_close(log);

	assert_int_equal(verify(rotated, &old), 0);
	assert_int_equal(verify(fx->path, &cur), 0);
	assert_int_equal(old.records, 2);
	assert_int_equal(cur.records, 1);
	assert_string_equal(cur.first_prev, old.last_hash);
}

static void size_rotation_keeps_n_files_chained_oldest_first(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result r[3];
	struct dg_evlog *log;
	struct dg_nl_event ev = { .comm = "sh" };
	char name[3][160], dropped[160];
	struct stat st;
	int i;

	assert_int_equal(dg_evlog_open(fx->path, &log), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(dg_evlog_append(log, &ev), 0);
		assert_int_equal(dg_evlog_append(log, &ev), 0);
		assert_true(dg_evlog_size(log) > 0);
		assert_int_equal(dg_evlog_rotate(log, 2), 0);
		assert_int_equal(dg_evlog_size(log), 0);
	}
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	dg_evlog_close(log);

	snprintf(name[0], sizeof(name[0]), "%s.2", fx->path);
	snprintf(name[1], sizeof(name[1]), "%s.1", fx->path);
	snprintf(name[2], sizeof(name[2]), "%s", fx->path);
	snprintf(dropped, sizeof(dropped), "%s.3", fx->path);
	assert_int_equal(stat(dropped, &st), -1);
	for (i = 0; i < 3; i++)
		assert_int_equal(verify(name[i], &r[i]), 0);
	assert_int_equal(r[0].records, 2);
	assert_int_equal(r[1].records, 2);
	assert_int_equal(r[2].records, 1);
	assert_string_not_equal(r[0].first_prev, ZEROS);
	assert_string_equal(r[1].first_prev, r[0].last_hash);
	assert_string_equal(r[2].first_prev, r[1].last_hash);
}

static void log_truncated_in_place_continues_the_chain(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result r;
	struct dg_evlog *log;
	struct dg_nl_event ev = { .comm = "sh" };
	char head[DG_HASH_HEX + 1];

	/* logrotate's copytruncate: same file, now empty. */
	assert_int_equal(dg_evlog_open(fx->path, &log), 0);
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	memcpy(head, dg_evlog_head(log), sizeof(head));
	assert_int_equal(truncate(fx->path, 0), 0);
	assert_int_equal(dg_evlog_reopen(log), 0);
	assert_int_equal(dg_evlog_append(log, &ev), 0);
	dg_evlog_close(log);
	assert_int_equal(verify(fx->path, &r), 0);
	assert_int_equal(r.records, 1);
	assert_string_equal(r.first_prev, head);
}

static void second_writer_of_the_same_log_is_refused(void **state)
{
	struct fixture *fx = *state;
	struct dg_evlog *a, *b;

	assert_int_equal(dg_evlog_open(fx->path, &a), 0);
	assert_int_equal(dg_evlog_open(fx->path, &b), -EWOULDBLOCK);
	dg_evlog_close(a);
}

static void symlink_at_the_log_path_is_refused(void **state)
{
	struct fixture *fx = *state;
	struct dg_evlog *log;

	assert_int_equal(symlink("/dev/null", fx->path), 0);
	assert_int_equal(dg_evlog_open(fx->path, &log), -ELOOP);
}

static void stream_log_starts_at_zeros_and_verifies_alone(void **state)
{
	struct fixture *fx = *state;
	struct dg_verify_result r;
	struct dg_evlog *log;
	int fd, i;

	/* A file stands in for the pipe: the stream only appends to it. */
	fd = open(fx->path, O_WRONLY | O_CREAT | O_APPEND, 0600);
	assert_true(fd >= 0);
	assert_int_equal(dg_evlog_open_stream(fd, "stdout", &log), 0);
	for (i = 0; i < 3; i++) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "record", json_object_new_string("drift"));
		assert_int_equal(dg_evlog_append_json(log, o), 0);
		json_object_put(o);
	}
	/* Not rotated, not reopened; the stream stays open for its owner. */
	assert_int_equal(dg_evlog_rotate(log, 5), -EOPNOTSUPP);
	assert_int_equal(dg_evlog_reopen(log), 0);
	dg_evlog_close(log);
	assert_int_equal(write(fd, "", 0), 0);
	close(fd);
	assert_int_equal(verify(fx->path, &r), 0);
	assert_int_equal(r.records, 3);
	assert_string_equal(r.first_prev, ZEROS);
}

static void check_refuses_what_open_would_refuse_and_changes_nothing(void **state)
{
	struct fixture *fx = *state;
	struct dg_evlog *log, *other;
	char path[192];
	struct stat st;

	/* A missing file in a writable directory: fine, and not created. */
	assert_int_equal(dg_evlog_check(fx->path), 0);
	assert_int_equal(stat(fx->path, &st), -1);
	/* One missing directory level is made by driftguardd; two are not. */
	snprintf(path, sizeof(path), "%s/new/events.jsonl", fx->dir);
	assert_int_equal(dg_evlog_check(path), 0);
	snprintf(path, sizeof(path), "%s/a/b/events.jsonl", fx->dir);
	assert_int_equal(dg_evlog_check(path), -ENOENT);
	assert_int_equal(dg_evlog_open(path, &other), -ENOENT);
	/* A running writer's lock does not make the check fail. */
	assert_int_equal(dg_evlog_open(fx->path, &log), 0);
	assert_int_equal(dg_evlog_check(fx->path), 0);
	dg_evlog_close(log);
	/* A file where a directory should be. */
	snprintf(path, sizeof(path), "%s/events.jsonl/x", fx->dir);
	assert_int_equal(dg_evlog_check(path), -ENOTDIR);
	assert_int_equal(dg_evlog_open(path, &other), -ENOTDIR);
	unlink(fx->path);
	/* A directory, a FIFO, a symlink at the path. */
	assert_int_equal(mkdir(fx->path, 0700), 0);
	assert_int_equal(dg_evlog_check(fx->path), -EISDIR);
	assert_int_not_equal(dg_evlog_open(fx->path, &other), 0);
	rmdir(fx->path);
	assert_int_equal(mkfifo(fx->path, 0600), 0);
	assert_int_equal(dg_evlog_check(fx->path), -EINVAL);
	assert_int_equal(dg_evlog_open(fx->path, &other), -EINVAL);
	unlink(fx->path);
	assert_int_equal(symlink("/dev/null", fx->path), 0);
	assert_int_equal(dg_evlog_check(fx->path), -ELOOP);
	assert_int_equal(dg_evlog_check("relative/events.jsonl"), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(intact_log_verifies_with_its_record_count),
		T(empty_file_verifies_with_zero_records),
		T(first_record_of_a_new_log_carries_64_zeros),
		T(record_has_the_fields_of_driftctl_events_json_and_the_container),
		T(editing_any_field_of_a_middle_record_names_that_record),
		T(changing_one_byte_of_a_middle_record_names_that_record),
		T(editing_a_prev_names_the_record_before_it),
		T(deleting_a_record_names_the_record_before_the_gap),
		T(swapping_two_records_breaks_the_chain_before_them),
		T(non_json_line_is_named_as_garbled),
		T(record_without_prev_is_named_as_garbled),
		T(record_cut_off_at_the_end_is_named_as_truncated),
		T(edit_of_the_last_record_is_not_detected_by_the_chain),
		T(appending_after_reopen_continues_the_chain),
		T(torn_last_line_is_cut_off_when_the_log_is_opened),
		T(new_file_after_rotation_chains_to_the_old_files_last_line),
		T(size_rotation_keeps_n_files_chained_oldest_first),
		T(log_truncated_in_place_continues_the_chain),
		T(second_writer_of_the_same_log_is_refused),
		T(symlink_at_the_log_path_is_refused),
		T(stream_log_starts_at_zeros_and_verifies_alone),
		T(check_refuses_what_open_would_refuse_and_changes_nothing),
#undef T
	};

	return cmocka_run_group_tests_name("evlog", tests, NULL, NULL);
}
