// SPDX-License-Identifier: GPL-2.0
/* Unit tests: repeated events are written once per window and counted exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "throttle.h"

#define SEC 1000000000ULL
#define MAX_SUMMARIES 64

struct sink {
	struct json_object *s[MAX_SUMMARIES];
	int n;
};

static void collect(void *arg, struct json_object *summary)
{
	struct sink *k = arg;

	assert_true(k->n < MAX_SUMMARIES);
	k->s[k->n++] = summary;
}

static void sink_free(struct sink *k)
{
	while (k->n)
		json_object_put(k->s[--k->n]);
}

static struct json_object *event(uint64_t time, const char *path, int pid)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "time_ns", json_object_new_uint64(time));
	json_object_object_add(o, "action", json_object_new_string("blocked"));
	json_object_object_add(o, "path", json_object_new_string(path));
	json_object_object_add(o, "pid", json_object_new_int(pid));
	json_object_object_add(o, "comm", json_object_new_string("sh"));
	json_object_object_add(o, "sha256", json_object_new_string("ab"));
	return o;
}

/* Feeds one event of key (@who, @path, blocked) at @now; true: written. */
static bool hit(struct dg_throttle *t, const char *who, const char *path,
		uint64_t now)
{
	struct json_object *ev = event(now, path, (int)(now / SEC));
	bool written = dg_throttle_hit(t, who, path, 2, now, ev);

	json_object_put(ev);
	return written;
}

static uint64_t field_u64(struct json_object *o, const char *key)
{
	struct json_object *v;

	assert_true(json_object_object_get_ex(o, key, &v));
	return json_object_get_uint64(v);
}

static void first_event_is_written_and_repeats_are_counted(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(300, 100, collect, &k);
	int i;

	(void)state;
	assert_true(hit(t, "ctr", "/tmp/x", 1 * SEC));
	for (i = 0; i < 9999; i++)
		assert_false(hit(t, "ctr", "/tmp/x", 2 * SEC));
	assert_int_equal(dg_throttle_pending(t), 9999);
	assert_int_equal(k.n, 0);
	dg_throttle_free(t);
	sink_free(&k);
}

static void closed_window_summary_has_exact_count_and_no_process_fields(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(300, 100, collect, &k);
	struct json_object *v;
	int i;

	(void)state;
	hit(t, "ctr", "/tmp/x", 10 * SEC);
	for (i = 0; i < 41; i++)
		hit(t, "ctr", "/tmp/x", 20 * SEC);
	dg_throttle_expire(t, 309 * SEC, false);
	assert_int_equal(k.n, 0);
	dg_throttle_expire(t, 310 * SEC, false);
	assert_int_equal(k.n, 1);
	assert_string_equal(json_object_get_string(
		json_object_object_get(k.s[0], "record")), "summary");
	assert_int_equal(field_u64(k.s[0], "count"), 42);
	assert_int_equal(field_u64(k.s[0], "suppressed"), 41);
	assert_int_equal(field_u64(k.s[0], "first_time_ns"), 10 * SEC);
	assert_int_equal(field_u64(k.s[0], "last_time_ns"), 20 * SEC);
	assert_string_equal(json_object_get_string(
		json_object_object_get(k.s[0], "path")), "/tmp/x");
	assert_false(json_object_object_get_ex(k.s[0], "pid", &v));
	assert_false(json_object_object_get_ex(k.s[0], "comm", &v));
	assert_false(json_object_object_get_ex(k.s[0], "sha256", &v));
	assert_int_equal(dg_throttle_open(t), 0);
	assert_int_equal(dg_throttle_pending(t), 0);
	dg_throttle_free(t);
	sink_free(&k);
}

static void window_with_one_event_closes_without_summary(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(5, 100, collect, &k);

	(void)state;
	hit(t, "ctr", "/tmp/x", 0);
	dg_throttle_expire(t, 5 * SEC, false);
	assert_int_equal(k.n, 0);
	assert_int_equal(dg_throttle_open(t), 0);
	assert_true(hit(t, "ctr", "/tmp/x", 6 * SEC));
	dg_throttle_free(t);
	sink_free(&k);
}

static void other_container_path_or_action_has_its_own_window(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(300, 100, collect, &k);
	struct json_object *ev = event(1, "/tmp/x", 1);

	(void)state;
	assert_true(hit(t, "a", "/tmp/x", 1));
	assert_true(hit(t, "b", "/tmp/x", 1));
	assert_true(hit(t, "a", "/tmp/y", 1));
	assert_true(dg_throttle_hit(t, "a", "/tmp/x", 1, 1, ev));
	assert_false(hit(t, "a", "/tmp/x", 2));
	assert_false(hit(t, "b", "/tmp/x", 2));
	assert_int_equal(dg_throttle_open(t), 4);
	json_object_put(ev);
	dg_throttle_free(t);
	sink_free(&k);
}

static void full_table_closes_the_oldest_window_early(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(300, 2, collect, &k);

	(void)state;
	hit(t, "a", "/x", 1);
	hit(t, "a", "/x", 2);
	hit(t, "b", "/x", 3);
	assert_true(hit(t, "c", "/x", 4));
	assert_int_equal(dg_throttle_open(t), 2);
	assert_int_equal(k.n, 1);
	assert_int_equal(field_u64(k.s[0], "count"), 2);
	dg_throttle_free(t);
	sink_free(&k);
}

static void freeing_summarises_every_open_window(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(300, 100, collect, &k);

	(void)state;
	hit(t, "a", "/x", 1);
	hit(t, "a", "/x", 2);
	hit(t, "b", "/x", 1);
	hit(t, "b", "/x", 2);
	hit(t, "b", "/x", 3);
	dg_throttle_free(t);
	assert_int_equal(k.n, 2);
	assert_int_equal(field_u64(k.s[0], "count") + field_u64(k.s[1], "count"), 5);
	sink_free(&k);
}

static void zero_window_writes_every_event(void **state)
{
	struct sink k = { .n = 0 };
	struct dg_throttle *t = dg_throttle_new(0, 100, collect, &k);
	int i;

	(void)state;
	for (i = 0; i < 10; i++)
		assert_true(hit(t, "a", "/x", 1));
	assert_int_equal(dg_throttle_open(t), 0);
	dg_throttle_free(t);
	assert_int_equal(k.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_event_is_written_and_repeats_are_counted),
		cmocka_unit_test(closed_window_summary_has_exact_count_and_no_process_fields),
		cmocka_unit_test(window_with_one_event_closes_without_summary),
		cmocka_unit_test(other_container_path_or_action_has_its_own_window),
		cmocka_unit_test(full_table_closes_the_oldest_window_early),
		cmocka_unit_test(freeing_summarises_every_open_window),
		cmocka_unit_test(zero_window_writes_every_event),
	};

	return cmocka_run_group_tests_name("throttle", tests, NULL, NULL);
}
