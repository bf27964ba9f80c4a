// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: sends one malformed driftguard request and prints how the
 * kernel answered: "errno=N extack=TEXT". CASE names the defect.
 *
 * "badmsg pattern-rules CGROUP_ID" instead walks the table of list rules
 * that driftctl, driftguardd and the policy files keep (lib/policy.c): for
 * each rule it builds the list that breaks it, checks that the userspace
 * validator names that rule, sends it, and checks the module refuses it with
 * the table's errno and message. One line per rule; exit 1 on a mismatch.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl.h"
#include "policy.h"

static int dg_build(struct nl_msg *m, const char *c, uint64_t id)
{
	struct nlattr *nest;

	if (!strcmp(c, "mode-out-of-range"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_MODE, 7);
	if (!strcmp(c, "files-out-of-range"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_FILES, DRIFTGUARD_MODE_MAX + 1);
	if (!strcmp(c, "relative-writable") || !strcmp(c, "config-ending-in-slash") ||
	    !strcmp(c, "too-many-writable")) {
		int i, n = !strcmp(c, "too-many-writable") ?
			   DRIFTGUARD_PREFIX_LIST_MAX + 1 : 1;
		char s[32];

		if (nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id))
			return -1;
		nest = nla_nest_start(m, !strcmp(c, "config-ending-in-slash") ?
				      DRIFTGUARD_A_CONFIG : DRIFTGUARD_A_WRITABLE);
		if (!nest)
			return -1;
		for (i = 0; i < n; i++) {
			snprintf(s, sizeof(s), !strcmp(c, "relative-writable") ? "tmp" :
				 !strcmp(c, "config-ending-in-slash") ? "/etc/" :
				 "/w%d", i);
			if (nla_put_string(m, DRIFTGUARD_A_PATTERN, s))
				return -1;
		}
		nla_nest_end(m, nest);
		return 0;
	}
	if (!strcmp(c, "missing-cgroup"))
		return nla_put_u8(m, DRIFTGUARD_A_MODE, 1);
	if (!strcmp(c, "unknown-cgroup"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, ~0ULL - 1);
	if (!strcmp(c, "wrong-type"))
		return nla_put_u8(m, DRIFTGUARD_A_CGROUP_ID, 1);
	if (!strcmp(c, "foreign-attribute"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u64(m, DRIFTGUARD_A_EV_TIME, 1);
	if (!strcmp(c, "relative-path-pattern") ||
	    !strcmp(c, "empty-pattern") || !strcmp(c, "unterminated-pattern")) {
		if (nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id))
			return -1;
		nest = nla_nest_start(m, DRIFTGUARD_A_DENY);
		if (!nest)
			return -1;
		if (!strcmp(c, "relative-path-pattern") &&
		    nla_put_string(m, DRIFTGUARD_A_PATTERN, "bin/sh"))
			return -1;
		if (!strcmp(c, "empty-pattern") &&
		    nla_put_string(m, DRIFTGUARD_A_PATTERN, ""))
			return -1;
		if (!strcmp(c, "unterminated-pattern") &&
		    nla_put(m, DRIFTGUARD_A_PATTERN, 2, "sh"))
			return -1;
		nla_nest_end(m, nest);
		return 0;
	}
	if (!strcmp(c, "listen-out-of-range"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_LISTEN, 3);
	if (!strcmp(c, "loopback-out-of-range"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_LOOPBACK, 2);
	if (!strcmp(c, "bad-listen-entry") || !strcmp(c, "bad-connect-entry")) {
		bool listen = !strcmp(c, "bad-listen-entry");

		if (nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id))
			return -1;
		nest = nla_nest_start(m, listen ? DRIFTGUARD_A_LISTEN_ALLOW :
					  DRIFTGUARD_A_CONNECT_ALLOW);
		if (!nest ||
		    nla_put_string(m, DRIFTGUARD_A_PATTERN,
				   listen ? "80" : "10.0.0.1/8"))
			return -1;
		nla_nest_end(m, nest);
		return 0;
	}
	return -2;
}

/* The entries of a list that breaks @rule, and nothing else, in @l. */
static int dg_breach(int rule, struct dg_list *l)
{
	char s[DRIFTGUARD_PATTERN_MAX + 1];
	int i, err = 0;

	switch (rule) {
	case DG_RULE_LENGTH:
		memset(s, 'x', DRIFTGUARD_PATTERN_MAX);
		s[DRIFTGUARD_PATTERN_MAX] = '\0';
		return dg_list_add(l, s, DRIFTGUARD_PATTERN_MAX);
	case DG_RULE_EMPTY:
		return dg_list_add(l, "", 0);
	case DG_RULE_SLASH:
		return dg_list_add(l, "bin/sh", 6);
	case DG_RULE_COUNT:
		for (i = 0; i <= DRIFTGUARD_LIST_MAX && !err; i++) {
			snprintf(s, sizeof(s), "p%d", i);
			err = dg_list_add(l, s, strlen(s));
		}
		return err;
	}
	return -EINVAL;
}

/* The rule the userspace validator finds @l breaking, or -1. */
static int dg_user_verdict(const struct dg_list *l)
{
	int i, rule;

	for (i = 0; i < l->n; i++) {
		rule = dg_pattern_check(i, l->v[i], strlen(l->v[i]));
		if (rule >= 0)
			return rule;
	}
	return -1;
}

static int dg_check_rules(struct dg_nl *nl, uint64_t id)
{
	struct dg_list l = { .v = NULL };
	struct nlattr *nest;
	struct nl_msg *m;
	int rule, user, err, bad = 0, i;
	bool same;

	for (rule = 0; rule < __DG_RULE_MAX; rule++) {
		const struct dg_pattern_rule *r = &dg_pattern_rules[rule];

		if (dg_breach(rule, &l))
			return -ENOMEM;
		user = dg_user_verdict(&l);
		m = dg_nl_msg(nl, DRIFTGUARD_CMD_POLICY_SET, 0);
		if (!m || nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id))
			return -ENOMEM;
		/* Built by hand: the encoder would refuse to write it. */
		nest = nla_nest_start(m, DRIFTGUARD_A_DENY);
		for (i = 0; nest && i < l.n; i++)
			if (nla_put_string(m, DRIFTGUARD_A_PATTERN, l.v[i]))
				nest = NULL;
		if (!nest)
			return -ENOMEM;
		nla_nest_end(m, nest);
		err = dg_nl_request(nl, m, NULL, NULL);
		same = user == rule && err == r->err && strstr(nl->extack, r->kernel);
		printf("%s: userspace=%s kernel errno=%d extack=%s: %s\n", r->name,
		       user >= 0 ? dg_pattern_rules[user].name : "accepted",
		       -err, nl->extack, same ? "ok" : "MISMATCH");
		bad |= !same;
		dg_list_free(&l);
	}
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct dg_nl nl;
	struct nl_msg *m;
	int err;

	if (argc != 3) {
		fprintf(stderr, "usage: badmsg CASE CGROUP_ID\n");
		return 2;
	}
	err = dg_nl_open(&nl);
	if (err) {
		fprintf(stderr, "badmsg: %s\n", strerror(-err));
		return 1;
	}
	if (!strcmp(argv[1], "pattern-rules")) {
		err = dg_check_rules(&nl, strtoull(argv[2], NULL, 0));
		dg_nl_close(&nl);
		if (err < 0)
			fprintf(stderr, "badmsg: %s\n", strerror(-err));
		return err ? 1 : 0;
	}
	m = dg_nl_msg(&nl, DRIFTGUARD_CMD_POLICY_SET, 0);
	err = m ? dg_build(m, argv[1], strtoull(argv[2], NULL, 0)) : -1;
	if (err) {
		fprintf(stderr, "badmsg: unknown case %s\n", argv[1]);
		return 2;
	}
	err = dg_nl_request(&nl, m, NULL, NULL);
	printf("errno=%d extack=%s\n", -err, nl.extack);
	dg_nl_close(&nl);
	return 0;
}
