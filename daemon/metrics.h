/* SPDX-License-Identifier: GPL-2.0 */
/* driftguardd: what it counts, in Prometheus' text exposition format. */
#ifndef DG_METRICS_H
#define DG_METRICS_H

/*
 * Every name starts with driftguard_; counters end in _total; each metric
 * has its # HELP and # TYPE lines once, before its samples. The module's
 * counters are driftguard_module_*, as `driftctl status` shows them; what
 * driftguardd itself counts (records by kind, action and class, events it
 * received, throttled or excluded, events lost) has no "module" in its
 * name. A counter the running module does not report is left out rather
 * than shown as 0.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nl.h"

/* Kind x action x class combinations kept apart; more go to kind="other". */
#define DG_METRICS_KEYS_MAX	128

struct dg_metrics_key {
	char kind[24];
	char action[16];
	char class[16];
	uint64_t n;
};

struct dg_metrics {
	const char *version;		/* driftguardd's */
	bool module_up;
	struct dg_nl_status status;	/* the module's, when module_up */
	size_t policies_configured;
	size_t cgroups_covered;		/* cgroups under a policy */
	uint64_t events, suppressed, excluded, lost;
	uint64_t synced_at;		/* CLOCK_REALTIME ns, 0: never */
	int sync_err;			/* of that sync: 0 or -errno */
	struct dg_metrics_key records[DG_METRICS_KEYS_MAX];
	size_t nrecords;
};

/*
 * Counts one record written, by its "record", "action" and "class" fields
 * ("" when absent). Never fails: past DG_METRICS_KEYS_MAX combinations,
 * and for values too long for a label, the record counts as kind "other"
 * with empty action and class.
 */
void dg_metrics_count_record(struct dg_metrics *m, const char *kind,
			     const char *action, const char *class);

/*
 * The exposition text of @m (text/plain; version=0.0.4), NUL-terminated,
 * its length in *@len; malloc()ed, NULL without memory.
 */
char *dg_metrics_format(const struct dg_metrics *m, size_t *len);

#endif /* DG_METRICS_H */
