// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark program: gives every child cgroup of DIR a policy (mode
 * detect) over one netlink socket, to load thousands of policies quickly.
 * Prints how many were set.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "cgroup.h"
#include "nl.h"

int main(int argc, char **argv)
{
	char path[4096];
	struct dirent *d;
	struct nl_msg *m;
	struct dg_nl nl;
	unsigned long n = 0;
	uint64_t id;
	DIR *dir;
	int err;

	if (argc != 2) {
		fprintf(stderr, "usage: policy-bulk CGROUP_DIR\n");
		return 2;
	}
	dir = opendir(argv[1]);
	if (!dir || dg_nl_open(&nl)) {
		perror("policy-bulk");
		return 1;
	}
	while ((d = readdir(dir))) {
		if (d->d_type != DT_DIR || d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", argv[1], d->d_name);
		if (dg_cgroup_id(path, &id))
			continue;
		m = dg_nl_msg(&nl, DRIFTGUARD_CMD_POLICY_SET, 0);
		if (!m || nla_put_u64(m, DRIFTGUARD_A_CGROUP_ID, id) ||
		    nla_put_u8(m, DRIFTGUARD_A_MODE, DRIFTGUARD_MODE_DETECT))
			return 1;
		err = dg_nl_request(&nl, m, NULL, NULL);
		if (err) {
			fprintf(stderr, "policy-bulk: %s: %s\n", path,
				dg_nl_strerror(&nl, err));
			return 1;
		}
		n++;
	}
	closedir(dir);
	dg_nl_close(&nl);
	printf("%lu\n", n);
	return 0;
}
