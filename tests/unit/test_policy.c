// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the one userspace policy type, its pattern rules (the same
 * table badmsg checks the module against), and its netlink round trip.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include <netlink/genl/genl.h>

#include "policy.h"

static char long_entry[DRIFTGUARD_PATTERN_MAX + 1];

static const char *entry_of(size_t len)
{
	memset(long_entry, 'x', len);
	long_entry[len] = '\0';
	return long_entry;
}

/* One case per rule: the entry that breaks it, and the one just inside. */
static void each_pattern_rule_refuses_its_breach_and_takes_the_limit(void **state)
{
	(void)state;
	assert_int_equal(dg_pattern_check(0, entry_of(DRIFTGUARD_PATTERN_MAX - 1),
					  DRIFTGUARD_PATTERN_MAX - 1), -1);
	assert_int_equal(dg_pattern_check(0, entry_of(DRIFTGUARD_PATTERN_MAX),
					  DRIFTGUARD_PATTERN_MAX), DG_RULE_LENGTH);
	assert_int_equal(dg_pattern_check(0, "", 0), DG_RULE_EMPTY);
	assert_int_equal(dg_pattern_check(0, "bin/sh", 6), DG_RULE_SLASH);
	assert_int_equal(dg_pattern_check(0, "/bin/sh", 7), -1);
	assert_int_equal(dg_pattern_check(0, "sh", 2), -1);
	assert_int_equal(dg_pattern_check(DRIFTGUARD_LIST_MAX - 1, "sh", 2), -1);
	assert_int_equal(dg_pattern_check(DRIFTGUARD_LIST_MAX, "sh", 2),
			 DG_RULE_COUNT);
}

/* The 65th entry is refused, not sent: the kernel allows 64. */
static void list_takes_64_entries_and_refuses_the_65th(void **state)
{
	struct dg_policy pol = { .name = NULL };
	char err[256];
	int i;

	(void)state;
	for (i = 0; i < DRIFTGUARD_LIST_MAX; i++) {
		assert_int_equal(dg_pattern_check(pol.deny.n, "sh", 2), -1);
		assert_int_equal(dg_list_add(&pol.deny, "sh", 2), 0);
	}
	assert_int_equal(dg_policy_validate(&pol, err, sizeof(err)), 0);
	assert_int_equal(dg_pattern_check(pol.deny.n, "sh", 2), DG_RULE_COUNT);
	assert_int_equal(dg_list_add(&pol.deny, "sh", 2), 0);
	assert_int_equal(dg_policy_validate(&pol, err, sizeof(err)), -E2BIG);
	assert_string_equal(err, "deny: more than 64 entries");
	dg_policy_free(&pol);
}

/* The table names the module's errno and message for each rule. */
static void each_rule_carries_the_modules_errno_and_message(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < __DG_RULE_MAX; i++) {
		assert_non_null(dg_pattern_rules[i].name);
		assert_non_null(dg_pattern_rules[i].kernel);
		assert_true(dg_pattern_rules[i].err == -EINVAL ||
			    dg_pattern_rules[i].err == -E2BIG);
	}
	assert_string_equal(dg_pattern_rules[DG_RULE_COUNT].kernel,
			    "too many entries in the list (at most 64)");
	assert_string_equal(dg_pattern_rules[DG_RULE_LENGTH].kernel,
			    "pattern longer than 255 bytes");
}

static void mode_out_of_its_keys_range_is_invalid(void **state)
{
	struct dg_policy pol = { .name = NULL };
	char err[256];

	(void)state;
	pol.files = DRIFTGUARD_MODE_PREVENT + 1;
	assert_int_equal(dg_policy_validate(&pol, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "files: 3 is not off, detect or prevent");
}

/* What the encoder writes, the decoder reads back as the same policy. */
static void encoded_policy_decodes_to_the_same_policy(void **state)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_policy in = { .name = NULL }, out;
	struct nl_msg *msg;
	uint64_t id = 0;

	(void)state;
	in.mode = DRIFTGUARD_MODE_PREVENT;
	in.files = DRIFTGUARD_MODE_DETECT;
	in.userns = DRIFTGUARD_MODE_PREVENT;
	assert_int_equal(dg_list_add(&in.allow, "/usr/bin/x", 10), 0);
	assert_int_equal(dg_list_add(&in.deny, "curl", 4), 0);
	assert_int_equal(dg_list_add(&in.deny, "wget", 4), 0);
	msg = nlmsg_alloc();
	assert_non_null(msg);
	assert_non_null(genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, 1, 0, 0,
				    DRIFTGUARD_CMD_POLICY_SET, 1));
	assert_int_equal(nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, 42), 0);
	assert_int_equal(dg_policy_encode(msg, &in), 0);
	assert_int_equal(genlmsg_parse(nlmsg_hdr(msg), 0, tb, DRIFTGUARD_A_MAX,
				       NULL), 0);
	/* Off is absent: a module without a key still takes the policy. */
	assert_null(tb[DRIFTGUARD_A_MEMFD]);
	assert_null(tb[DRIFTGUARD_A_WATCH]);
	assert_int_equal(dg_policy_decode(tb, &out, &id), 0);
	assert_int_equal(id, 42);
	assert_true(dg_policy_same(&in, &out));
	assert_int_equal(out.deny.n, 2);
	assert_string_equal(out.deny.v[1], "wget");
	out.deny.v[1][0] = 'W';
	assert_false(dg_policy_same(&in, &out));
	dg_policy_free(&out);
	dg_policy_free(&in);
	nlmsg_free(msg);
}

static void policy_breaking_a_rule_is_not_encoded(void **state)
{
	struct dg_policy pol = { .name = NULL };
	struct nl_msg *msg = nlmsg_alloc();

	(void)state;
	assert_non_null(msg);
	assert_int_equal(dg_list_add(&pol.watch, "bin/sh", 6), 0);
	assert_int_equal(dg_policy_encode(msg, &pol), -EINVAL);
	dg_policy_free(&pol);
	nlmsg_free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_pattern_rule_refuses_its_breach_and_takes_the_limit),
		cmocka_unit_test(list_takes_64_entries_and_refuses_the_65th),
		cmocka_unit_test(each_rule_carries_the_modules_errno_and_message),
		cmocka_unit_test(mode_out_of_its_keys_range_is_invalid),
		cmocka_unit_test(encoded_policy_decodes_to_the_same_policy),
		cmocka_unit_test(policy_breaking_a_rule_is_not_encoded),
	};

	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
