// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: replaces CGROUP's policy N times over one netlink socket,
 * alternating two prevent policies that differ in their lists, so that
 * exec storms can race against policy changes. Prints the count.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cgroup.h"
#include "nl.h"

int main(int argc, char **argv)
{
	struct nlattr *nest;
	struct nl_msg *m;
	struct dg_nl nl;
	char name[32];
	uint64_t id;
	long i, n;
	int err;

	if (argc != 3 || dg_cgroup_id(argv[1], &id)) {
		fprintf(stderr, "usage: policy-flip CGROUP_DIR N\n");
		return 2;
	}
	n = atol(argv[2]);
	if (dg_nl_open(&nl)) {
		fprintf(stderr, "policy-flip: module not reachable\n");
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "nothing-%ld", i);
		m = dg_nl_msg(&nl, DRIFTGUARD_CMD_POLICY_SET, 0);
		if (!m || nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		    nla_put_u8(m, DRIFTGUARD_A_MODE, DRIFTGUARD_MODE_PREVENT))
			return 1;
		nest = nla_nest_start(m, i % 2 ? DRIFTGUARD_A_DENY : DRIFTGUARD_A_WATCH);
		if (!nest || nla_put_string(m, DRIFTGUARD_A_PATTERN, name))
			return 1;
		nla_nest_end(m, nest);
		err = dg_nl_request(&nl, m, NULL, NULL);
		if (err) {
			fprintf(stderr, "policy-flip: %s\n", dg_nl_strerror(&nl, err));
			return 1;
		}
	}
	dg_nl_close(&nl);
	printf("%ld\n", n);
	return 0;
}
