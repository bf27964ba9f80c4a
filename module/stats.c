// SPDX-License-Identifier: GPL-2.0
/* driftguard: per-CPU counters. */
#include "stats.h"

DEFINE_PER_CPU(struct dg_stats, dg_stats);

/* A sum of per-CPU values: exact once the counted work has finished. */
u64 dg_stat_read(enum driftguard_stat stat)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += per_cpu(dg_stats, cpu).count[stat];
	return sum;
}
