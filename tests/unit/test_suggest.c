// SPDX-License-Identifier: GPL-2.0
/* Unit tests: driftctl's "did you mean" for a mistyped command. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "suggest.h"

static const char *const commands[] = {
	"status", "policy", "events", "alert-only", "lock", "verify-log", "help",
};

static const char *const policy_subcommands[] = { "set", "get", "list", "del" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void distance_counts_each_kind_of_edit_once(void **state)
{
	(void)state;
	assert_int_equal(dg_edit_distance("status", "status"), 0);
	assert_int_equal(dg_edit_distance("", "lock"), 4);
	assert_int_equal(dg_edit_distance("lock", ""), 4);
	assert_int_equal(dg_edit_distance("stats", "status"), 1);	/* insertion */
	assert_int_equal(dg_edit_distance("statuss", "status"), 1);	/* deletion */
	assert_int_equal(dg_edit_distance("statut", "status"), 1);	/* substitution */
	assert_int_equal(dg_edit_distance("stauts", "status"), 1);	/* swap */
	assert_int_equal(dg_edit_distance("kitten", "sitting"), 3);
}

static void words_longer_than_the_limit_are_infinitely_far(void **state)
{
	char longword[DG_SUGGEST_MAX + 2];

	(void)state;
	memset(longword, 'a', sizeof(longword) - 1);
	longword[sizeof(longword) - 1] = '\0';
	assert_int_equal(dg_edit_distance(longword, "a"), (unsigned int)-1);
}

/* One row per case: what was typed, what is suggested (NULL: nothing). */
static const struct {
	const char *typed, *want;
} command_cases[] = {
	{ "stauts", "status" },
	{ "statsu", "status" },
	{ "stat", "status" },
	{ "polcy", "policy" },
	{ "polciy", "policy" },
	{ "event", "events" },
	{ "evnets", "events" },
	{ "alert", "alert-only" },
	{ "alertonly", "alert-only" },
	{ "alert_only", "alert-only" },
	{ "lokc", "lock" },
	{ "verify", "verify-log" },
	{ "verifylog", "verify-log" },
	{ "hlep", "help" },
	{ "Status", "status" },
	{ "xyz", NULL },
	{ "list", NULL },
	{ "unload", NULL },
	{ "", NULL },
	{ "s", NULL },
};

static void mistyped_commands_suggest_the_meant_one(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < N(command_cases); i++) {
		const char *got = dg_suggest(command_cases[i].typed, commands,
					     N(commands));

		if (!command_cases[i].want) {
			if (got)
				fail_msg("'%s': expected no suggestion, got '%s'",
					 command_cases[i].typed, got);
			continue;
		}
		if (!got || strcmp(got, command_cases[i].want))
			fail_msg("'%s': expected '%s', got '%s'",
				 command_cases[i].typed, command_cases[i].want,
				 got ? got : "(none)");
	}
}

static void mistyped_subcommands_suggest_the_meant_one(void **state)
{
	(void)state;
	assert_string_equal(dg_suggest("lst", policy_subcommands,
				       N(policy_subcommands)), "list");
	assert_string_equal(dg_suggest("lsit", policy_subcommands,
				       N(policy_subcommands)), "list");
	assert_string_equal(dg_suggest("sett", policy_subcommands,
				       N(policy_subcommands)), "set");
	assert_string_equal(dg_suggest("delete", policy_subcommands,
				       N(policy_subcommands)), "del");
	assert_null(dg_suggest("show", policy_subcommands,
			       N(policy_subcommands)));
}

static void ties_go_to_the_earlier_word(void **state)
{
	(void)state;
	/* "det" is one edit from both "set" and "get". */
	assert_string_equal(dg_suggest("det", policy_subcommands,
				       N(policy_subcommands)), "set");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(distance_counts_each_kind_of_edit_once),
		cmocka_unit_test(words_longer_than_the_limit_are_infinitely_far),
		cmocka_unit_test(mistyped_commands_suggest_the_meant_one),
		cmocka_unit_test(mistyped_subcommands_suggest_the_meant_one),
		cmocka_unit_test(ties_go_to_the_earlier_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
