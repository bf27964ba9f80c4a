// SPDX-License-Identifier: GPL-2.0
/* driftguardd: records, written to every output (JSON log, stdout, syslog, journal). */
#include "dgd.h"

/* --- records ------------------------------------------------------------ */

uint64_t dgd_now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return (uint64_t)ts.tv_sec * NSEC_PER_SEC + (uint64_t)ts.tv_nsec;
}

static void dgd_rotate(struct dgd *d)
{
	const struct dg_daemon_config *c = &d->cfg->daemon;
	int err;

	if (!c->max_log_bytes || dg_evlog_size(d->log) < c->max_log_bytes ||
	    dgd_now(CLOCK_MONOTONIC) < d->rotate_retry)
		return;
	err = dg_evlog_rotate(d->log, c->log_keep);
	if (err) {
		/* Not again for every record: a minute from now. */
		d->rotate_retry = dgd_now(CLOCK_MONOTONIC) + 60 * NSEC_PER_SEC;
		dgd_log("%s: cannot rotate (trying again in a minute): %s",
			d->log_path, strerror(-err));
	}
}

/*
 * Writes the record @o to every output: the JSON log (chained), syslog and
 * the journal. @o is consumed.
 */
void dgd_emit(struct dgd *d, struct json_object *o, int prio,
	      const char *message)
{
	int err;

	dg_metrics_count_record(&d->metrics, dgd_str(o, "record"),
				dgd_str(o, "action"), dgd_str(o, "class"));
	if (d->log) {
		err = dg_evlog_append_json(d->log, o);
		if (err)
			dgd_log("%s: cannot write the record: %s", d->log_path,
				strerror(-err));
		else
			dgd_rotate(d);
	}
	/* Its own chain: its "prev" replaces the file's. */
	if (d->out) {
		err = dg_evlog_append_json(d->out, o);
		if (err && !d->stdout_failed)
			dgd_log("stdout: cannot write the record: %s",
				strerror(-err));
		d->stdout_failed = err != 0;
	}
	/* The chain's "prev" is for the JSON lines only. */
	json_object_object_del(o, "prev");
	if (d->cfg->daemon.syslog) {
		err = dg_sink_syslog(d->cfg->daemon.syslog_socket, o, prio,
				     d->cfg->daemon.syslog_format);
		if (err && !d->syslog_failed)
			dgd_log("%s: cannot send to syslog: %s",
				d->cfg->daemon.syslog_socket, strerror(-err));
		/* Said once per outage, not once per event. */
		d->syslog_failed = err != 0;
	}
	if (d->cfg->daemon.journald)
		dg_sink_journal(o, prio, message);
	json_object_put(o);
}

/* A record of the daemon's own: "record" @kind, the time, nothing else. */
struct json_object *dgd_record_new(const char *kind)
{
	struct json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	dg_record_add_time(o, "time", dgd_now(CLOCK_REALTIME));
	dg_record_stamp(o, NULL);
	json_object_object_add(o, "record", json_object_new_string(kind));
	return o;
}

const char *dgd_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "";
}

/* Copies @keys of @from that exist into @to. */
void dgd_copy_fields(struct json_object *to, struct json_object *from,
		     const char *const *keys)
{
	struct json_object *v;

	for (; *keys; keys++)
		if (json_object_object_get_ex(from, *keys, &v))
			json_object_object_add(to, *keys, json_object_get(v));
}

/* Events that never reached us, with how many and why. */
/*
 * A cgroup left without the policy the configuration gives it: an error
 * record, so that no cgroup goes unpoliced with only a log line to say so.
 */
void dgd_policy_refused(void *arg, const struct dg_policy *policy,
			const char *cgroup, uint64_t id, const char *why)
{
	struct json_object *o = dgd_record_new("policy-error");
	struct dgd *d = arg;
	char message[1024];

	if (!o)
		return;
	json_object_object_add(o, "policy", json_object_new_string(policy->name));
	json_object_object_add(o, "cgroup", json_object_new_string(cgroup));
	json_object_object_add(o, "cgroup_id", json_object_new_uint64(id));
	json_object_object_add(o, "reason", json_object_new_string(why));
	snprintf(message, sizeof(message), "policy %s not set on %s: %s",
		 policy->name, cgroup, why);
	dgd_emit(d, o, LOG_ERR, message);
}

void dgd_loss(struct dgd *d, uint64_t lost, const char *reason)
{
	struct json_object *o = dgd_record_new("loss");
	char message[256];

	d->lost += lost;
	dgd_log("%" PRIu64 " events were lost: %s", lost, reason);
	if (!o)
		return;
	json_object_object_add(o, "lost", json_object_new_uint64(lost));
	json_object_object_add(o, "reason", json_object_new_string(reason));
	snprintf(message, sizeof(message), "%" PRIu64 " events lost: %s", lost,
		 reason);
	dgd_emit(d, o, LOG_WARNING, message);
}

/* The summary of a closed throttle window (dg_throttle_emit_fn). */
void dgd_summary(void *arg, struct json_object *o)
{
	struct dgd *d = arg;
	char message[PATH_MAX + 128], what[PATH_MAX + 64];
	struct json_object *v;
	uint64_t count = json_object_object_get_ex(o, "count", &v) ?
			 json_object_get_uint64(v) : 0;
	int action = strcmp(dgd_str(o, "action"), "blocked") ?
		     DRIFTGUARD_ACTION_ALERTED : DRIFTGUARD_ACTION_BLOCKED;
	int sev = DG_SEVERITY_HIGH;

	while (sev < __DG_SEVERITY_MAX - 1 &&
	       strcmp(dg_severity_name(sev), dgd_str(o, "severity")))
		sev++;

	/* A record of its own: its time and uuid, not the first event's. */
	dg_record_add_time(o, "time", dgd_now(CLOCK_REALTIME));
	dg_record_stamp(o, NULL);
	/* A hardening summary says what happened: it may have no path. */
	if (!dg_record_hardening_what(dg_class_parse(dgd_str(o, "class")),
				      dgd_str(o, "path"), what, sizeof(what)))
		snprintf(what, sizeof(what), "%s", dgd_str(o, "path"));
	snprintf(message, sizeof(message), "%s %" PRIu64 " times in %u s: %s",
		 dgd_str(o, "action"), count, d->cfg->daemon.throttle_window,
		 what);
	dgd_emit(d, o, dg_sink_priority(action, sev), message);
}
