// SPDX-License-Identifier: GPL-2.0
/* Unit tests: driftguardd's metrics follow Prometheus' text exposition format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "metrics.h"

static char *format(const struct dg_metrics *m)
{
	size_t len = 0;
	char *text = dg_metrics_format(m, &len);

	assert_non_null(text);
	assert_int_equal(strlen(text), len);
	return text;
}

/* The line of @text that starts with @start, or NULL. */
static const char *line_of(const char *text, const char *start)
{
	size_t n = strlen(start);
	const char *l;

	for (l = text; *l; l = strchr(l, '\n') + 1) {
		if (!strncmp(l, start, n))
			return l;
		if (!strchr(l, '\n'))
			break;
	}
	return NULL;
}

/* The sample line "@sample VALUE" of @text, as "@sample VALUE". */
static void expect_sample(const char *text, const char *sample, const char *value)
{
	char want[256];
	const char *l;
	size_t n;

	snprintf(want, sizeof(want), "%s ", sample);
	l = line_of(text, want);
	if (!l)
		fail_msg("no sample %s in:\n%s", sample, text);
	n = strcspn(l, "\n");
	snprintf(want, sizeof(want), "%s %s", sample, value);
	if (strlen(want) != n || strncmp(l, want, n))
		fail_msg("%.*s: expected %s", (int)n, l, want);
}

static struct dg_metrics *loaded(void)
{
	struct dg_metrics *m = calloc(1, sizeof(*m));
	int i;

	assert_non_null(m);
	m->version = "1.2.3";
	m->module_up = true;
	m->status.policies = 3;
	m->status.n_degraded = 1;
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
		m->status.counters[i] = 100 + (uint64_t)i;
		m->status.have_counter[i] = true;
	}
	return m;
}

/*
 * Every sample's metric was declared by a HELP and a TYPE line before it,
 * each metric once; counters end in _total and everything starts with
 * driftguard_; every sample is "NAME[{LABELS}] VALUE".
 */
static void every_sample_is_declared_once_and_named_by_the_conventions(void **state)
{
	struct dg_metrics *m = loaded();
	char *text, *copy, *line, *save = NULL;
	char declared[64][96], typed[64][96], types[64][16];
	int nhelp = 0, ntype = 0, nsamples = 0, i;

	(void)state;
	dg_metrics_count_record(m, "drift", "blocked", "upper");
	text = format(m);
	copy = strdup(text);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char name[96], type[16];

		if (sscanf(line, "# HELP %95s", name) == 1) {
			for (i = 0; i < nhelp; i++)
				assert_string_not_equal(declared[i], name);
			assert_true(nhelp < 64);
			strcpy(declared[nhelp++], name);
			assert_int_equal(strncmp(name, "driftguard_", 11), 0);
			continue;
		}
		if (sscanf(line, "# TYPE %95s %15s", name, type) == 2) {
			assert_true(ntype < 64);
			assert_string_equal(name, declared[nhelp - 1]);
			assert_true(!strcmp(type, "counter") || !strcmp(type, "gauge"));
			/* Counters, and only they, end in _total. */
			assert_int_equal(!strcmp(type, "counter"),
					 strlen(name) > 6 &&
					 !strcmp(name + strlen(name) - 6, "_total"));
			strcpy(typed[ntype], name);
			strcpy(types[ntype++], type);
			continue;
		}
		assert_int_not_equal(line[0], '#');
		/* A sample belongs to the metric declared last. */
		i = (int)strcspn(line, "{ ");
		assert_true(ntype > 0);
		assert_int_equal(strncmp(line, typed[ntype - 1], (size_t)i), 0);
		assert_int_equal(strlen(typed[ntype - 1]), (size_t)i);
		assert_non_null(strchr(line, ' '));
		nsamples++;
	}
	assert_int_equal(nhelp, ntype);
	assert_true(nsamples > 20);
	free(copy);
	free(text);
	free(m);
}

/* The module's counters, as driftctl status shows them, under their metric. */
static void module_counters_are_samples_with_their_labels(void **state)
{
	struct dg_metrics *m = loaded();
	char *text;

	(void)state;
	m->status.counters[DRIFTGUARD_STAT_BLOCKED_UPPER] = 7;
	m->status.counters[DRIFTGUARD_STAT_EXECS_CHECKED] = 18446744073709551615ULL;
	m->status.alert_only = true;
	text = format(m);
	expect_sample(text, "driftguard_module_loaded", "1");
	expect_sample(text, "driftguard_module_alert_only", "1");
	expect_sample(text, "driftguard_module_locked", "0");
	expect_sample(text, "driftguard_module_policies", "3");
	expect_sample(text, "driftguard_module_degraded_hooks", "1");
	expect_sample(text, "driftguard_module_blocked_total{class=\"upper\"}", "7");
	expect_sample(text, "driftguard_module_blocked_total{class=\"procmem\"}",
		      "115");
	expect_sample(text, "driftguard_module_checks_total{hook=\"exec\"}",
		      "18446744073709551615");
	expect_sample(text, "driftguard_module_checks_total{hook=\"mmap\"}", "101");
	expect_sample(text, "driftguard_module_files_marked_total{hook=\"create\"}",
		      "109");
	expect_sample(text, "driftguard_module_events_dropped_total", "111");
	expect_sample(text, "driftguard_module_missed_total", "112");
	expect_sample(text, "driftguard_build_info{version=\"1.2.3\"}", "1");
	free(text);
	free(m);
}

/*
 * Every counter the module reports is a sample: each gets a distinct value
 * and each value must appear once (a counter left out of the table is
 * missing from the scrape, as blocked_listen and blocked_connect were).
 */
static void every_module_counter_is_exported_once(void **state)
{
	struct dg_metrics *m = loaded();
	char *text, want[32];
	const char *l;
	int i, n;

	(void)state;
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
		m->status.counters[i] = 900000 + (uint64_t)i;
	text = format(m);
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
		snprintf(want, sizeof(want), " %d\n", 900000 + i);
		n = 0;
		for (l = strstr(text, want); l; l = strstr(l + 1, want))
			n++;
		if (n != 1)
			fail_msg("module counter %d (%d) is in %d samples:\n%s", i,
				 900000 + i, n, text);
	}
	snprintf(want, sizeof(want), "%d", 900000 + DRIFTGUARD_STAT_BLOCKED_LISTEN);
	expect_sample(text, "driftguard_module_blocked_total{class=\"listen\"}",
		      want);
	free(text);
	free(m);
}

/* A counter the module did not send is absent, not 0; its metric's HELP stays. */
static void absent_counters_and_an_absent_module_give_no_module_samples(void **state)
{
	struct dg_metrics *m = loaded();
	char *text;

	(void)state;
	m->status.have_counter[DRIFTGUARD_STAT_EXECS_CHECKED] = false;
	m->status.have_counter[DRIFTGUARD_STAT_MISSED] = false;
	text = format(m);
	assert_null(line_of(text, "driftguard_module_checks_total{hook=\"exec\"}"));
	assert_non_null(line_of(text, "# HELP driftguard_module_checks_total Execs"));
	expect_sample(text, "driftguard_module_checks_total{hook=\"mmap\"}", "101");
	assert_null(line_of(text, "# HELP driftguard_module_missed_total"));
	assert_null(line_of(text, "driftguard_module_missed_total"));
	free(text);

	m->module_up = false;
	text = format(m);
	expect_sample(text, "driftguard_module_loaded", "0");
	assert_null(line_of(text, "driftguard_module_policies"));
	assert_null(line_of(text, "driftguard_module_blocked_total"));
	assert_null(line_of(text, "# HELP driftguard_module_blocked_total"));
	free(text);
	free(m);
}

/* The daemon's own numbers, and the last sync's time and outcome. */
static void daemon_counts_and_the_last_sync_are_reported(void **state)
{
	struct dg_metrics *m = loaded();
	char *text;

	(void)state;
	m->policies_configured = 2;
	m->cgroups_covered = 5;
	m->events = 40;
	m->suppressed = 30;
	m->excluded = 4;
	m->lost = 6;
	text = format(m);
	expect_sample(text, "driftguard_policies_configured", "2");
	expect_sample(text, "driftguard_cgroups_covered", "5");
	expect_sample(text, "driftguard_events_received_total", "40");
	expect_sample(text, "driftguard_events_throttled_total", "30");
	expect_sample(text, "driftguard_events_excluded_total", "4");
	expect_sample(text, "driftguard_records_lost_total", "6");
	/* No sync reached the module yet: not a success. */
	expect_sample(text, "driftguard_last_sync_timestamp_seconds", "0");
	expect_sample(text, "driftguard_last_sync_success", "0");
	free(text);

	m->synced_at = 1764600000123456789ULL;
	text = format(m);
	expect_sample(text, "driftguard_last_sync_timestamp_seconds", "1764600000");
	expect_sample(text, "driftguard_last_sync_success", "1");
	free(text);

	m->sync_err = -1;
	text = format(m);
	expect_sample(text, "driftguard_last_sync_success", "0");
	free(text);
	free(m);
}

/* One sample per kind, action and class, counting each record once. */
static void records_are_counted_by_kind_action_and_class(void **state)
{
	struct dg_metrics *m = loaded();
	char *text;

	(void)state;
	dg_metrics_count_record(m, "drift", "blocked", "upper");
	dg_metrics_count_record(m, "drift", "blocked", "upper");
	dg_metrics_count_record(m, "drift", "alerted", "upper");
	dg_metrics_count_record(m, "loss", "", "");
	text = format(m);
	expect_sample(text, "driftguard_records_total{kind=\"drift\",action=\"blocked\",class=\"upper\"}", "2");
	expect_sample(text, "driftguard_records_total{kind=\"drift\",action=\"alerted\",class=\"upper\"}", "1");
	expect_sample(text, "driftguard_records_total{kind=\"loss\",action=\"\",class=\"\"}", "1");
	free(text);
	free(m);
}

/* A backslash, a double quote and a newline in a label value are escaped. */
static void label_values_are_escaped(void **state)
{
	struct dg_metrics *m = loaded();
	char *text;

	(void)state;
	m->version = "a\"b\\c\nd";
	dg_metrics_count_record(m, "x\"y", "\\", "\n");
	text = format(m);
	expect_sample(text, "driftguard_build_info{version=\"a\\\"b\\\\c\\nd\"}", "1");
	expect_sample(text, "driftguard_records_total{kind=\"x\\\"y\",action=\"\\\\\",class=\"\\n\"}", "1");
	free(text);
	free(m);
}

/* Past the table's size, and for values too long, records count as "other". */
static void too_many_or_too_long_label_values_count_as_other(void **state)
{
	struct dg_metrics *m = loaded();
	char kind[16], *text;
	int i;

	(void)state;
	for (i = 0; i < DG_METRICS_KEYS_MAX + 10; i++) {
		snprintf(kind, sizeof(kind), "k%d", i);
		dg_metrics_count_record(m, kind, "", "");
	}
	dg_metrics_count_record(m, "a-kind-longer-than-23-bytes", "", "");
	assert_int_equal(m->nrecords, DG_METRICS_KEYS_MAX);
	text = format(m);
	expect_sample(text, "driftguard_records_total{kind=\"k0\",action=\"\",class=\"\"}", "1");
	expect_sample(text, "driftguard_records_total{kind=\"other\",action=\"\",class=\"\"}", "12");
	assert_null(line_of(text, "driftguard_records_total{kind=\"k127\""));
	free(text);
	free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_sample_is_declared_once_and_named_by_the_conventions),
		cmocka_unit_test(module_counters_are_samples_with_their_labels),
		cmocka_unit_test(every_module_counter_is_exported_once),
		cmocka_unit_test(absent_counters_and_an_absent_module_give_no_module_samples),
		cmocka_unit_test(daemon_counts_and_the_last_sync_are_reported),
		cmocka_unit_test(records_are_counted_by_kind_action_and_class),
		cmocka_unit_test(label_values_are_escaped),
		cmocka_unit_test(too_many_or_too_long_label_values_count_as_other),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
