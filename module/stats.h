/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: per-CPU counters reported by DRIFTGUARD_CMD_STATUS_GET. */
#ifndef DRIFTGUARD_STATS_H
#define DRIFTGUARD_STATS_H

#include <linux/percpu.h>
#include <linux/driftguard.h>

struct dg_stats {
	u64 count[__DRIFTGUARD_STAT_MAX];
};

DECLARE_PER_CPU(struct dg_stats, dg_stats);

/* Safe from any context: a per-CPU increment needs no lock. */
static inline void dg_stat_inc(enum driftguard_stat stat)
{
	this_cpu_inc(dg_stats.count[stat]);
}

u64 dg_stat_read(enum driftguard_stat stat);

#endif /* DRIFTGUARD_STATS_H */
