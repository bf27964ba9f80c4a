// SPDX-License-Identifier: GPL-2.0
/* Unit tests: names of the uapi enums, the contract of driftctl's output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "names.h"

static void every_mode_name_parses_back_to_its_mode(void **state)
{
	int m;

	(void)state;
	for (m = 0; m <= DRIFTGUARD_MODE_MAX; m++)
		assert_int_equal(dg_mode_parse(dg_mode_name(m)), m);
}

static void unknown_mode_name_is_rejected(void **state)
{
	(void)state;
	assert_int_equal(dg_mode_parse("enforce"), -1);
	assert_int_equal(dg_mode_parse(""), -1);
	assert_int_equal(dg_mode_parse("Prevent"), -1);
}

static void every_counter_has_a_distinct_json_name(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
		assert_string_not_equal(dg_stat_name(i), "unknown");
		for (j = 0; j < i; j++)
			assert_string_not_equal(dg_stat_name(i), dg_stat_name(j));
	}
}

static void counters_named_in_the_contract_exist(void **state)
{
	(void)state;
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_MISSED), "missed");
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_EVENTS_DROPPED),
			    "events_dropped");
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_EXECS_CHECKED),
			    "execs_checked");
}

static void out_of_range_values_are_named_unknown(void **state)
{
	(void)state;
	assert_string_equal(dg_mode_name(-1), "unknown");
	assert_string_equal(dg_action_name(0), "unknown");
	assert_string_equal(dg_class_name(__DRIFTGUARD_CLASS_MAX), "unknown");
	assert_string_equal(dg_hook_name(__DRIFTGUARD_HOOK_MAX), "unknown");
	assert_string_equal(dg_stat_name(__DRIFTGUARD_STAT_MAX), "unknown");
}

static void event_enums_have_their_documented_names(void **state)
{
	(void)state;
	assert_string_equal(dg_action_name(DRIFTGUARD_ACTION_BLOCKED), "blocked");
	assert_string_equal(dg_action_name(DRIFTGUARD_ACTION_ALERTED), "alerted");
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_UPPER), "upper");
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_PROHIBITED), "prohibited");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_EXEC), "exec");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_COPY_UP), "copy-up");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_OPEN_WRITE), "open-write");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_SETXATTR), "setxattr");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_ACL), "acl");
}

static void every_class_and_hook_has_a_name_and_classes_parse_back(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < __DRIFTGUARD_CLASS_MAX; i++) {
		assert_string_not_equal(dg_class_name(i), "unknown");
		assert_int_equal(dg_class_parse(dg_class_name(i)), i);
	}
	for (i = DRIFTGUARD_HOOK_EXEC; i < __DRIFTGUARD_HOOK_MAX; i++)
		assert_string_not_equal(dg_hook_name(i), "unknown");
	assert_int_equal(dg_class_parse("unknown"), -1);
}

static void hardening_classes_hooks_counters_and_keys_have_their_names(void **state)
{
	(void)state;
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_USERNS), "userns");
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_EXECMEM), "execmem");
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_PROCMEM), "procmem");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_USERNS), "userns");
	assert_string_equal(dg_hook_name(DRIFTGUARD_HOOK_OPEN), "open");
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_BLOCKED_USERNS),
			    "blocked_userns");
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_BLOCKED_EXECMEM),
			    "blocked_execmem");
	assert_string_equal(dg_stat_name(DRIFTGUARD_STAT_BLOCKED_PROCMEM),
			    "blocked_procmem");
	assert_string_equal(dg_attr_name(DRIFTGUARD_A_USERNS), "userns");
	assert_string_equal(dg_attr_name(DRIFTGUARD_A_EXECMEM), "execmem");
	assert_string_equal(dg_attr_name(DRIFTGUARD_A_PROCMEM), "procmem");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_mode_name_parses_back_to_its_mode),
		cmocka_unit_test(unknown_mode_name_is_rejected),
		cmocka_unit_test(every_counter_has_a_distinct_json_name),
		cmocka_unit_test(counters_named_in_the_contract_exist),
		cmocka_unit_test(out_of_range_values_are_named_unknown),
		cmocka_unit_test(event_enums_have_their_documented_names),
		cmocka_unit_test(every_class_and_hook_has_a_name_and_classes_parse_back),
		cmocka_unit_test(hardening_classes_hooks_counters_and_keys_have_their_names),
	};

	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
