// SPDX-License-Identifier: GPL-2.0
/* driftguardd: what it counts, in Prometheus' text exposition format. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"

/*
 * The module's counters as metrics: one metric per meaning, the counters
 * that split one meaning (blocked, by class) as its labels. Rows of one
 * metric follow each other: its HELP and TYPE lines come with the first.
 */
static const struct {
	int stat;
	const char *name;
	const char *label;	/* "key=\"value\"" or NULL */
	const char *help;
} dg_module_metrics[] = {
	{ DRIFTGUARD_STAT_EXECS_CHECKED, "driftguard_module_checks_total",
	  "hook=\"exec\"", "Execs, executable mappings and socket operations the module judged, by hook." },
	{ DRIFTGUARD_STAT_MMAPS_CHECKED, "driftguard_module_checks_total",
	  "hook=\"mmap\"", NULL },
	/* listens, UDP binds and connects */
	{ DRIFTGUARD_STAT_NET_CHECKED, "driftguard_module_checks_total",
	  "hook=\"net\"", NULL },
	{ DRIFTGUARD_STAT_ALLOWED, "driftguard_module_allowed_total", NULL,
	  "Checks the module allowed without an alert." },
	{ DRIFTGUARD_STAT_ALERTED, "driftguard_module_alerted_total", NULL,
	  "Drift the module allowed and reported (detect modes, alert-only)." },
	{ DRIFTGUARD_STAT_BLOCKED_UPPER, "driftguard_module_blocked_total",
	  "class=\"upper\"", "Drift the module refused with EPERM, by class." },
	{ DRIFTGUARD_STAT_BLOCKED_MEMFD, "driftguard_module_blocked_total",
	  "class=\"memfd\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_VOLUME, "driftguard_module_blocked_total",
	  "class=\"volume\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_PROHIBITED, "driftguard_module_blocked_total",
	  "class=\"prohibited\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_USERNS, "driftguard_module_blocked_total",
	  "class=\"userns\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_EXECMEM, "driftguard_module_blocked_total",
	  "class=\"execmem\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_PROCMEM, "driftguard_module_blocked_total",
	  "class=\"procmem\"", NULL },
	/* created, modified, deleted and config changes refused (files). */
	{ DRIFTGUARD_STAT_BLOCKED_FILES, "driftguard_module_blocked_total",
	  "class=\"files\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_METADATA, "driftguard_module_blocked_total",
	  "class=\"metadata\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_LISTEN, "driftguard_module_blocked_total",
	  "class=\"listen\"", NULL },
	{ DRIFTGUARD_STAT_BLOCKED_CONNECT, "driftguard_module_blocked_total",
	  "class=\"connect\"", NULL },
	{ DRIFTGUARD_STAT_COPYUPS_MARKED, "driftguard_module_files_marked_total",
	  "hook=\"copy-up\"", "Upper-layer files the module marked as drifted, by hook." },
	{ DRIFTGUARD_STAT_CREATIONS_MARKED, "driftguard_module_files_marked_total",
	  "hook=\"create\"", NULL },
	{ DRIFTGUARD_STAT_EVENTS_SENT, "driftguard_module_events_sent_total", NULL,
	  "Events the module queued for its netlink listeners." },
	{ DRIFTGUARD_STAT_EVENTS_DROPPED, "driftguard_module_events_dropped_total",
	  NULL, "Events the module could not queue (a full queue, no memory)." },
	{ DRIFTGUARD_STAT_MISSED, "driftguard_module_missed_total", NULL,
	  "Hook calls the module could not judge and let through." },
};

static void dg_head(FILE *f, const char *name, const char *type,
		    const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* A sample without labels. */
static void dg_gauge(FILE *f, const char *name, const char *help, uint64_t v)
{
	dg_head(f, name, "gauge", help);
	fprintf(f, "%s %" PRIu64 "\n", name, v);
}

static void dg_counter(FILE *f, const char *name, const char *help, uint64_t v)
{
	dg_head(f, name, "counter", help);
	fprintf(f, "%s %" PRIu64 "\n", name, v);
}

/* A label value as the format wants it: \\, \" and \n escaped. */
static void dg_label_value(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			fprintf(f, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
}

static void dg_module(FILE *f, const struct dg_metrics *m)
{
	const char *last = "";
	size_t i;

	dg_gauge(f, "driftguard_module_loaded",
		 "1 when driftguardd talks to the driftguard module.",
		 m->module_up);
	if (!m->module_up)
		return;
	dg_gauge(f, "driftguard_module_alert_only",
		 "1 when the module is in alert-only mode (blocks nothing).",
		 m->status.alert_only);
	dg_gauge(f, "driftguard_module_locked",
		 "1 when the module is locked until reboot.", m->status.locked);
	dg_gauge(f, "driftguard_module_policies",
		 "Policies in force in the kernel.", m->status.policies);
	dg_gauge(f, "driftguard_module_degraded_hooks",
		 "Hooks the module runs without although it should have them (driftctl status names them).",
		 m->status.n_degraded);
	for (i = 0; i < sizeof(dg_module_metrics) / sizeof(dg_module_metrics[0]); i++) {
		int stat = dg_module_metrics[i].stat;
		const char *name = dg_module_metrics[i].name;

		if (!m->status.have_counter[stat])
			continue;
		/* A later row's help when the first row's counter is absent. */
		if (strcmp(name, last)) {
			size_t j = i;

			while (!dg_module_metrics[j].help)
				j--;
			dg_head(f, name, "counter", dg_module_metrics[j].help);
			last = name;
		}
		if (dg_module_metrics[i].label)
			fprintf(f, "%s{%s} %" PRIu64 "\n", name,
				dg_module_metrics[i].label, m->status.counters[stat]);
		else
			fprintf(f, "%s %" PRIu64 "\n", name, m->status.counters[stat]);
	}
}

static void dg_records(FILE *f, const struct dg_metrics *m)
{
	size_t i;

	dg_head(f, "driftguard_records_total", "counter",
		"Records driftguardd wrote, by kind (drift, summary, loss, "
		"policy-error, response, ...), action and class.");
	for (i = 0; i < m->nrecords; i++) {
		const struct dg_metrics_key *k = &m->records[i];

		fputs("driftguard_records_total{kind=\"", f);
		dg_label_value(f, k->kind);
		fputs("\",action=\"", f);
		dg_label_value(f, k->action);
		fputs("\",class=\"", f);
		dg_label_value(f, k->class);
		fprintf(f, "\"} %" PRIu64 "\n", k->n);
	}
}

char *dg_metrics_format(const struct dg_metrics *m, size_t *len)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (!f)
		return NULL;
	dg_head(f, "driftguard_build_info", "gauge",
		"Always 1; the version of driftguardd as a label.");
	fputs("driftguard_build_info{version=\"", f);
	dg_label_value(f, m->version ? m->version : "");
	fputs("\"} 1\n", f);
	dg_module(f, m);
	dg_gauge(f, "driftguard_policies_configured",
		 "[policy] sections in driftguardd's configuration.",
		 m->policies_configured);
	dg_gauge(f, "driftguard_cgroups_covered",
		 "Cgroups (containers) that a configured policy covers, as "
		 "driftguardd knows them.", m->cgroups_covered);
	dg_gauge(f, "driftguard_last_sync_timestamp_seconds",
		 "When driftguardd last made the kernel's policies follow the "
		 "configuration (0: not yet).", m->synced_at / 1000000000ULL);
	dg_gauge(f, "driftguard_last_sync_success",
		 "1 when that sync set every policy; 0 when the kernel refused "
		 "one, or no sync reached the module yet.",
		 m->synced_at && !m->sync_err);
	dg_counter(f, "driftguard_events_received_total",
		   "Module events driftguardd received.", m->events);
	dg_counter(f, "driftguard_events_throttled_total",
		   "Events counted into a summary instead of a record of their own.",
		   m->suppressed);
	dg_counter(f, "driftguard_events_excluded_total",
		   "File-drift events under a policy's files_exclude prefixes.",
		   m->excluded);
	dg_counter(f, "driftguard_records_lost_total",
		   "Events that never became a record, as the loss records "
		   "count them.", m->lost);
	dg_records(f, m);
	if (fclose(f)) {
		free(buf);
		return NULL;
	}
	*len = size;
	return buf;
}

void dg_metrics_count_record(struct dg_metrics *m, const char *kind,
			     const char *action, const char *class)
{
	struct dg_metrics_key *k;
	size_t i;

	if (strlen(kind) >= sizeof(k->kind) || strlen(action) >= sizeof(k->action) ||
	    strlen(class) >= sizeof(k->class))
		kind = "other", action = "", class = "";
	for (i = 0; i < m->nrecords; i++) {
		k = &m->records[i];
		if (!strcmp(k->kind, kind) && !strcmp(k->action, action) &&
		    !strcmp(k->class, class)) {
			k->n++;
			return;
		}
	}
	/* The last slot is kept for "other": it is never refused. */
	if (m->nrecords >= DG_METRICS_KEYS_MAX - 1 && strcmp(kind, "other")) {
		dg_metrics_count_record(m, "other", "", "");
		return;
	}
	k = &m->records[m->nrecords++];
	snprintf(k->kind, sizeof(k->kind), "%s", kind);
	snprintf(k->action, sizeof(k->action), "%s", action);
	snprintf(k->class, sizeof(k->class), "%s", class);
	k->n = 1;
}
