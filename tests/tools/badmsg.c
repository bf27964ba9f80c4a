// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: sends one malformed driftguard request and prints how the
 * kernel answered: "errno=N extack=TEXT". CASE names the defect.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nl.h"

static int dg_build(struct nl_msg *m, const char *c, uint64_t id)
{
	struct nlattr *nest;

	if (!strcmp(c, "mode-out-of-range"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_MODE, 7);
	if (!strcmp(c, "files-prevent"))
		return nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		       nla_put_u8(m, DRIFTGUARD_A_FILES, DRIFTGUARD_MODE_PREVENT);
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
	return -2;
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
