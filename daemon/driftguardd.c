// SPDX-License-Identifier: GPL-2.0
/* driftguardd: applies the policy files to the module and records its events. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <json-c/json.h>
#include <linux/genetlink.h>
#include <netlink/genl/ctrl.h>
#include <syslog.h>
#include <systemd/sd-daemon.h>

#include "cgroup.h"
#include "config.h"
#include "container.h"
#include "evidence.h"
#include "evlog.h"
#include "names.h"
#include "nl.h"
#include "record.h"
#include "response.h"
#include "sinks.h"
#include "sync.h"
#include "throttle.h"

#define DG_DEFAULT_CONFIG_DIR	"/etc/driftguard"
#define DG_TICK_SEC		2	/* module presence check, watchdog */
#define DG_THROTTLE_MAX		16384	/* open windows; bounds the memory */
#define DG_STOPS_MAX		256	/* containers in their stop grace */
#define NSEC_PER_SEC		1000000000ULL
#define DG_CFG_MASK (IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | \
		     IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

/* A container sent SIGTERM by a stop response, killed at the deadline. */
struct dgd_stop {
	int dirfd;			/* the cgroup when SIGTERM went out */
	char dir[PATH_MAX];
	uint64_t deadline;		/* monotonic ns */
	struct json_object *record;	/* the response record, for the kill */
};

/* Everything the daemon keeps; the one piece of mutable state. */
struct dgd {
	const char *config_dir;
	char daemon_file[PATH_MAX];
	char policy_dir[PATH_MAX];
	struct dg_config *cfg;		/* the running configuration */
	struct dg_sync sync;
	struct dg_nl nl;		/* requests; sock NULL: module away */
	struct dg_nl ev;		/* events and nlctrl notifications */
	bool module_up;
	bool was_up;			/* a load after this is a reload */
	bool locked;			/* the module said so: it must stay */
	bool family_gone;		/* nlctrl said so: reconnect */
	struct dg_evlog *log;
	char *log_path;			/* of the open log */
	struct dg_evlog *out;		/* stdout = yes: the same records */
	char log_error[PATH_MAX + 64];	/* why a wanted log is not open */
	uint64_t rotate_retry;		/* monotonic ns: no rotation before */
	int sfd, cfg_ifd, tfd;
	int cfg_wd, pol_wd;
	uint64_t dropped_seen;
	unsigned long events, lost, excluded, suppressed;
	struct dg_throttle *throttle;
	struct dgd_stop stops[DG_STOPS_MAX];
	size_t nstops;
	enum dg_response last_response;	/* the last one, not to repeat it */
	char last_target[PATH_MAX];
	uint64_t last_response_at;
	bool syslog_failed;
	bool stdout_failed;
	bool watchdog;
	bool stop;
};

/* --- configuration ------------------------------------------------------ */

/* Loads the configuration directory and logs its warnings. */
static int dgd_load(struct dgd *d, struct dg_config **out, char *err,
		    size_t size)
{
	size_t i;
	int ret;

	ret = dg_config_load_dir(d->config_dir, out, err, size);
	if (ret)
		return ret;
	for (i = 0; i < (*out)->nwarnings; i++)
		dgd_log("warning: %s", (*out)->warnings[i]);
	return 0;
}

/*
 * (Re)opens the JSON log when its path changed ("" closes it), and starts or
 * stops the stdout copy. A new log that cannot be opened leaves the one open
 * before writing: records keep going somewhere, the daemon's status says
 * what is wrong, and the next reload tries again. Returns 0 or -errno.
 */
static int dgd_open_log(struct dgd *d)
{
	const char *path = d->cfg->daemon.log_json;
	char dir[PATH_MAX], *slash;
	struct dg_evlog *log = NULL;
	char *copy;
	int err;

	if (d->cfg->daemon.json_stdout && !d->out &&
	    dg_evlog_open_stream(STDOUT_FILENO, "stdout", &d->out))
		return -ENOMEM;
	if (!d->cfg->daemon.json_stdout && d->out) {
		dg_evlog_close(d->out);
		d->out = NULL;
	}
	if (d->log_path && !strcmp(d->log_path, path)) {
		/* Back to the log that is open: nothing is wrong any more. */
		d->log_error[0] = '\0';
		return 0;
	}
	if (path[0]) {
		snprintf(dir, sizeof(dir), "%s", path);
		slash = strrchr(dir, '/');
		if (slash && slash != dir) {
			*slash = '\0';
			mkdir(dir, 0750);
		}
		err = dg_evlog_open(path, &log);
		if (err) {
			snprintf(d->log_error, sizeof(d->log_error),
				 "%s: cannot open the event log: %s", path,
				 err == -EWOULDBLOCK ? "another process has it "
				 "open (locked)" : strerror(-err));
			dgd_log("%s%s", d->log_error, d->log ?
				"; still writing the one open before" : "");
			return err;
		}
	}
	copy = strdup(path);
	if (!copy) {
		dg_evlog_close(log);
		return -ENOMEM;
	}
	dg_evlog_close(d->log);
	free(d->log_path);
	d->log = log;
	d->log_path = copy;
	d->log_error[0] = '\0';
	return 0;
}

static void dgd_status(struct dgd *d)
{
	sd_notifyf(0, "STATUS=%s; %zu policies in force, %lu events, "
		   "%lu throttled, %lu excluded, %lu lost%s%s",
		   d->module_up ? "module loaded" : "waiting for the module",
		   d->sync.nwant, d->events, d->suppressed, d->excluded, d->lost,
		   d->log_error[0] ? "; " : "", d->log_error);
}

/*
 * Loads the files and, when they are right, makes the kernel follow them.
 * Wrong files change nothing: the running policy stays in force.
 */
static void dgd_reload(struct dgd *d, const char *why)
{
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;
	int ret;

	ret = dgd_load(d, &cfg, err, sizeof(err));
	if (ret) {
		dgd_log("%s: configuration not loaded, keeping the running "
			"policy: %s", why, err);
		return;
	}
	/* The wanted set points into the old configuration until replaced. */
	ret = dg_sync_full(&d->sync, cfg, d->module_up ? &d->nl : NULL);
	dg_config_free(d->cfg);
	d->cfg = cfg;
	dg_throttle_set_window(d->throttle, cfg->daemon.throttle_window);
	dgd_log("%s: configuration loaded, %zu policies, %zu cgroups covered%s",
		why, cfg->npolicies, d->sync.nwant,
		ret ? " (the kernel refused some, see above)" : "");
	(void)dgd_open_log(d);
	dgd_status(d);
}

static void dgd_watch_config(struct dgd *d)
{
	d->cfg_wd = inotify_add_watch(d->cfg_ifd, d->config_dir, DG_CFG_MASK);
	/* policy.d may appear later; the config dir's watch sees it come. */
	d->pol_wd = inotify_add_watch(d->cfg_ifd, d->policy_dir, DG_CFG_MASK);
}

/*
 * Any change in either directory reloads, once per batch of events. A new
 * regular file is read on IN_CLOSE_WRITE, not while still empty; a
 * ConfigMap update swaps the ..data symlink (IN_MOVED_TO) and is read then.
 */
static void dgd_config_events(struct dgd *d)
{
	char buf[16 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool reload = false;
	ssize_t n;
	char *p;

	while ((n = read(d->cfg_ifd, buf, sizeof(buf))) > 0) {
		for (p = buf; p < buf + n; p += sizeof(struct inotify_event) +
		     ((struct inotify_event *)p)->len) {
			struct inotify_event *ev = (struct inotify_event *)p;

			if (ev->mask & IN_IGNORED) {
				if (ev->wd == d->pol_wd)
					d->pol_wd = -1;
				continue;
			}
			if (ev->mask & IN_CREATE && !(ev->mask & IN_ISDIR) &&
			    ev->len) {
				char path[PATH_MAX];
				struct stat st;

				int len = snprintf(path, sizeof(path), "%s/%s",
						   ev->wd == d->pol_wd ?
						   d->policy_dir : d->config_dir,
						   ev->name);

				if (len > 0 && (size_t)len < sizeof(path) &&
				    !lstat(path, &st) && S_ISREG(st.st_mode))
					continue;
			}
			reload = true;
		}
	}
	if (d->pol_wd < 0)
		d->pol_wd = inotify_add_watch(d->cfg_ifd, d->policy_dir,
					      DG_CFG_MASK);
	if (reload)
		dgd_reload(d, "configuration changed");
}

/* --- records ------------------------------------------------------------ */

static uint64_t dgd_now(clockid_t clock)
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
static void dgd_emit(struct dgd *d, struct json_object *o, int prio,
		     const char *message)
{
	int err;

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
static struct json_object *dgd_record_new(const char *kind)
{
	struct json_object *o = json_object_new_object();

	if (!o)
		return NULL;
	dg_record_add_time(o, "time", dgd_now(CLOCK_REALTIME));
	dg_record_stamp(o, NULL);
	json_object_object_add(o, "record", json_object_new_string(kind));
	return o;
}

static const char *dgd_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) ? json_object_get_string(v) : "";
}

/* Copies @keys of @from that exist into @to. */
static void dgd_copy_fields(struct json_object *to, struct json_object *from,
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
static void dgd_policy_refused(void *arg, const struct dg_policy *policy,
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

static void dgd_loss(struct dgd *d, uint64_t lost, const char *reason)
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
static void dgd_summary(void *arg, struct json_object *o)
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

/* --- responses ---------------------------------------------------------- */

static const char *const dgd_context_fields[] = {
	"path", "cgroup", "runtime", "container_id", "pod_uid", "policy",
	"severity", "runbook", NULL,
};

static void dgd_response_record(struct dgd *d, struct json_object *o,
				const char *what, int err)
{
	char result[128], message[PATH_MAX + 128];

	if (err)
		snprintf(result, sizeof(result), "error: %s", strerror(-err));
	else
		snprintf(result, sizeof(result), "ok");
	json_object_object_add(o, "result", json_object_new_string(result));
	snprintf(message, sizeof(message), "response %s on %s: %s", what,
		 dgd_str(o, "target"), result);
	dgd_log("%s", message);
	dgd_emit(d, o, err ? LOG_ERR : LOG_WARNING, message);
}

/*
 * The policy's response to the drift event @ev (its record, with the
 * container context) in cgroup @cgroup.
 */
static void dgd_respond(struct dgd *d, const struct dg_policy *p,
			const char *cgroup, const struct dg_container *ctr,
			struct json_object *ev)
{
	const char *what = dg_response_name(p->response);
	char dir[PATH_MAX];
	struct json_object *o;
	unsigned int n = 0;
	size_t i;
	int err;

	err = dg_response_target(dg_cgroup_root(), cgroup, ctr, dir, sizeof(dir));
	/* One stop at a time per container: its grace is running. */
	for (i = 0; !err && i < d->nstops; i++)
		if (!strcmp(d->stops[i].dir, dir))
			return;
	/*
	 * Processes already on their way out (killed, freezing) can still
	 * try once more: the same response to the same cgroup within a
	 * second is not repeated.
	 */
	if (!err && d->last_response == p->response &&
	    !strcmp(d->last_target, dir) &&
	    dgd_now(CLOCK_MONOTONIC) - d->last_response_at < NSEC_PER_SEC)
		return;
	if (!err) {
		d->last_response = p->response;
		snprintf(d->last_target, sizeof(d->last_target), "%s", dir);
		d->last_response_at = dgd_now(CLOCK_MONOTONIC);
	}
	o = dgd_record_new("response");
	if (!o)
		return;
	json_object_object_add(o, "response", json_object_new_string(what));
	json_object_object_add(o, "target", json_object_new_string(err ? "" : dir));
	dgd_copy_fields(o, ev, dgd_context_fields);
	if (err) {
		dgd_response_record(d, o, what, err);
		return;
	}
	switch (p->response) {
	case DG_RESPONSE_KILL:
		err = dg_response_kill(dir);
		break;
	case DG_RESPONSE_PAUSE:
		err = dg_response_pause(dir);
		break;
	case DG_RESPONSE_STOP:
		err = dg_response_term(dir, &n);
		json_object_object_add(o, "signalled", json_object_new_uint64(n));
		if (d->nstops < DG_STOPS_MAX) {
			struct dgd_stop *st = &d->stops[d->nstops++];

			/*
			 * Held open: a container restarted under the same
			 * name within the grace gets a new cgroup, which the
			 * kill must not reach.
			 */
			st->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			snprintf(st->dir, sizeof(st->dir), "%s", dir);
			st->deadline = dgd_now(CLOCK_MONOTONIC) +
				       DG_RESPONSE_GRACE_SEC * NSEC_PER_SEC;
			st->record = NULL;
			if (json_object_deep_copy(o, &st->record, NULL)) {
				json_object_put(st->record);
				st->record = NULL;
			}
		} else {
			/* No room to wait: no grace. */
			err = dg_response_kill(dir);
		}
		break;
	default:
		json_object_put(o);
		return;
	}
	dgd_response_record(d, o, what, err);
}

/* Stops whose grace ended (all when @all): cgroup.kill now. */
static void dgd_stops_due(struct dgd *d, bool all)
{
	uint64_t now = dgd_now(CLOCK_MONOTONIC);
	struct json_object *o;
	size_t i = 0;
	int err;

	while (i < d->nstops) {
		struct dgd_stop *st = &d->stops[i];

		if (!all && st->deadline > now) {
			i++;
			continue;
		}
		o = st->record;
		err = st->dirfd >= 0 ? dg_response_kill_at(st->dirfd) : -ENOENT;
		/* A container that exited on SIGTERM leaves nothing to kill. */
		if (err == -ENOENT)
			err = 0;
		if (st->dirfd >= 0)
			close(st->dirfd);
		if (o) {
			dg_record_add_time(o, "time", dgd_now(CLOCK_REALTIME));
			dg_record_stamp(o, NULL);
			json_object_object_add(o, "response",
					       json_object_new_string("stop-kill"));
			json_object_object_del(o, "signalled");
			json_object_object_del(o, "prev");
			dgd_response_record(d, o, "stop-kill", err);
		}
		/* The last one moves into the hole; its old slot is cleared. */
		*st = d->stops[--d->nstops];
		memset(&d->stops[d->nstops], 0, sizeof(d->stops[d->nstops]));
	}
}

/* --- the module --------------------------------------------------------- */

struct dgd_status {
	uint64_t dropped;
	bool have_dropped;
	bool alert_only;
	bool locked;
};

static int dgd_status_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *stats[__DRIFTGUARD_STAT_MAX + 1];
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dgd_status *st = arg;
	struct nlattr *a;

	if (dg_nl_parse(msg, tb))
		return NL_SKIP;
	if (tb[DRIFTGUARD_A_ALERT_ONLY])
		st->alert_only = nla_get_u8(tb[DRIFTGUARD_A_ALERT_ONLY]);
	st->locked = tb[DRIFTGUARD_A_LOCKED] && nla_get_u8(tb[DRIFTGUARD_A_LOCKED]);
	if (!tb[DRIFTGUARD_A_STATS] ||
	    nla_parse_nested(stats, __DRIFTGUARD_STAT_MAX,
			     tb[DRIFTGUARD_A_STATS], NULL))
		return NL_SKIP;
	a = stats[DRIFTGUARD_STAT_EVENTS_DROPPED + 1];
	if (a) {
		st->dropped = nla_get_u64(a);
		st->have_dropped = true;
	}
	return NL_OK;
}

static void dgd_module_down(struct dgd *d, const char *why)
{
	if (!d->module_up)
		return;
	dgd_log("the module went away (%s): waiting for it; its policies "
		"are set again when it is back", why);
	/* The lock refuses even rmmod -f: something stronger removed it. */
	if (d->locked)
		dgd_loss(d, 0, "the module was unloaded although it was locked: "
			 "nothing is enforced or reported until it is loaded "
			 "again");
	d->locked = false;
	dg_nl_close(&d->nl);
	dg_nl_close(&d->ev);
	d->module_up = false;
	d->family_gone = false;
	dgd_status(d);
}

/* Asks for the counters: tells whether the module is there, and drops. */
static void dgd_check_module(struct dgd *d)
{
	struct dgd_status st = { .dropped = 0 };
	int err;

	if (d->family_gone) {
		dgd_module_down(d, "its netlink family was removed");
		return;
	}
	err = dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			    dgd_status_cb, &st);
	if (err == -ENOENT || err == -EIO) {
		dgd_module_down(d, "status request failed");
		return;
	}
	if (err)
		return;
	d->locked = st.locked;
	if (!st.have_dropped)
		return;
	/*
	 * The counter also counts events made while nobody listened and
	 * those another listener missed: while we listen, it is an upper
	 * bound of what we lost.
	 */
	if (st.dropped > d->dropped_seen) {
		dgd_loss(d, st.dropped - d->dropped_seen,
			 "the module's event queue was full "
			 "(its events_dropped counter)");
		dgd_status(d);
	}
	d->dropped_seen = st.dropped;
}

static int dgd_event_cb(struct nl_msg *msg, void *arg);

/*
 * Whether the module is in alert-only mode now. Asked only when a response
 * would act on an alert: a blocked record already says it was not. When
 * the module cannot answer, the answer is "yes": no response on a doubt.
 */
static bool dgd_alert_only(struct dgd *d)
{
	struct dgd_status st = { .dropped = 0 };

	if (!d->module_up ||
	    dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			  dgd_status_cb, &st))
		return true;
	return st.alert_only;
}

/* Joins nlctrl's notify group: the family's removal is seen at once. */
static void dgd_join_ctrl(struct dgd *d)
{
	int grp = genl_ctrl_resolve_grp(d->ev.sock, "nlctrl", "notify");

	if (grp >= 0)
		nl_socket_add_membership(d->ev.sock, grp);
}

static void dgd_module_up(struct dgd *d)
{
	struct dgd_status st = { .dropped = 0 };
	int err;

	if (d->module_up || dg_nl_open(&d->nl))
		return;
	err = dg_nl_open(&d->ev);
	/* Before the events group: no event can arrive amid the lookup. */
	if (!err)
		dgd_join_ctrl(d);
	if (!err)
		err = dg_nl_join_events(&d->ev);
	if (err) {
		dgd_log("cannot join the events group: %s", strerror(-err));
		dg_nl_close(&d->ev);
		dg_nl_close(&d->nl);
		return;
	}
	nl_socket_modify_cb(d->ev.sock, NL_CB_VALID, NL_CB_CUSTOM,
			    dgd_event_cb, d);
	nl_socket_set_buffer_size(d->ev.sock, 8 << 20, 0);
	nl_socket_set_nonblocking(d->ev.sock);
	d->module_up = true;
	/* A new module counts from zero: only drops from now on are news. */
	if (!dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			   dgd_status_cb, &st)) {
		d->dropped_seen = st.dropped;
		d->locked = st.locked;
	}
	dgd_log("the module is loaded: setting its policies");
	dg_sync_full(&d->sync, d->cfg, &d->nl);
	/*
	 * Between a reload and this sync the module ran without our
	 * policies and its events reached nobody: say so in the records.
	 */
	if (d->was_up)
		dgd_loss(d, d->dropped_seen, "the module was unloaded and loaded "
			 "again: its policies were set again; the count is the "
			 "events it made before driftguardd listened");
	d->was_up = true;
	dgd_status(d);
}

/* --- events ------------------------------------------------------------- */

/* A file-drift event under one of the policy's files_exclude prefixes. */
static bool dgd_excluded(const struct dg_policy *p, const struct dg_nl_event *ev)
{
	size_t len;
	int i;

	if (!p || (ev->hook != DRIFTGUARD_HOOK_COPY_UP &&
		   ev->hook != DRIFTGUARD_HOOK_CREATE))
		return false;
	for (i = 0; i < p->files_exclude.n; i++) {
		const char *pre = p->files_exclude.v[i];

		len = strlen(pre);
		while (len > 1 && pre[len - 1] == '/')
			len--;
		if (!strncmp(ev->path, pre, len) &&
		    (ev->path[len] == '/' || !ev->path[len] || len == 1))
			return true;
	}
	return false;
}

/* The SHA-256 (and the copy) of the drifted file an exec or mmap ran. */
static void dgd_evidence(struct dgd *d, const struct dg_nl_event *ev,
			 struct json_object *o)
{
	const struct dg_daemon_config *c = &d->cfg->daemon;
	struct dg_evidence e;

	if (!dg_evidence_wanted(ev->hook, ev->class))
		return;
	dg_evidence_collect(ev->tgid, ev->cgroup[0] ? ev->cgroup : NULL, ev->path,
			    ev->ino, c->quarantine ? c->quarantine_dir : NULL,
			    c->quarantine_max_bytes, &e);
	json_object_object_add(o, "sha256", json_object_new_string(e.sha256));
	if (e.quarantine[0])
		json_object_object_add(o, "quarantine",
				       json_object_new_string(e.quarantine));
	if (e.note[0])
		json_object_object_add(o, "evidence", json_object_new_string(e.note));
}

static void dgd_record(struct dgd *d, struct nlattr **tb)
{
	struct dg_container ctr;
	const struct dg_policy *p;
	struct json_object *o;
	char cgroup[PATH_MAX], message[PATH_MAX + 64], who[32];
	struct dg_nl_event ev;
	bool respond;

	dg_nl_event_parse(tb, &ev);
	ev.cgroup = cgroup;
	/* A cgroup can be gone by now (short-lived container): "" then. */
	if (dg_cgroup_find(dg_cgroup_root(), ev.cgroup_id, cgroup, sizeof(cgroup)))
		cgroup[0] = '\0';
	if (cgroup[0] && !dg_container_from_cgroup(cgroup, &ctr))
		ev.container = &ctr;
	p = dg_sync_policy_of(&d->sync, ev.policy_cgroup_id);
	d->events++;
	if (dgd_excluded(p, &ev)) {
		d->excluded++;
		return;
	}

	o = dg_record_base(&ev);
	if (!o) {
		dgd_loss(d, 1, "out of memory");
		return;
	}
	json_object_object_add(o, "record", json_object_new_string("drift"));
	json_object_object_add(o, "policy", json_object_new_string(p ? p->name : ""));
	json_object_object_add(o, "severity", json_object_new_string(
		dg_severity_name(p ? (int)p->severity : DG_SEVERITY_HIGH)));
	json_object_object_add(o, "runbook", json_object_new_string(
		p ? p->runbook : ""));
	/*
	 * Responses act on what the kernel refused, unless the policy's
	 * response_on says otherwise; never while alert-only is on.
	 */
	respond = p && cgroup[0] && dg_response_answers(ev.hook) &&
		  dg_response_applies(p, ev.action, ev.class, false) &&
		  (ev.action == DRIFTGUARD_ACTION_BLOCKED || !dgd_alert_only(d));

	/*
	 * The same container, path, action, class and hook again: counted,
	 * not written. The class keeps apart what one path can be both (an
	 * upper-layer library and its written, executable mapping); events
	 * without a path (userns, anonymous execmem) share a key per container.
	 */
	snprintf(who, sizeof(who), "cgroup:%" PRIu64, ev.cgroup_id);
	if (!dg_throttle_hit(d->throttle, ev.container ? ev.container->id : who,
			     ev.path ? ev.path : "",
			     ev.class << 16 | ev.action << 8 | ev.hook,
			     dgd_now(CLOCK_MONOTONIC), o)) {
		d->suppressed++;
		/* Every attempt gets the response: a restarted container too. */
		if (respond)
			dgd_respond(d, p, cgroup, ev.container, o);
		json_object_put(o);
		return;
	}
	/*
	 * Before the evidence (hashing takes time) and the response (a killed
	 * process's /proc is gone): the process may exit any moment.
	 */
	dg_record_complete(o, &ev, NULL);
	dgd_evidence(d, &ev, o);
	dg_record_message(&ev, message, sizeof(message));
	json_object_get(o);
	dgd_emit(d, o, dg_sink_priority(ev.action, p ? (int)p->severity :
					DG_SEVERITY_HIGH), message);
	if (respond)
		dgd_respond(d, p, cgroup, ev.container, o);
	json_object_put(o);
}

static int dgd_event_cb(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *h = nlmsg_hdr(msg);
	struct genlmsghdr *gh = nlmsg_data(h);
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dgd *d = arg;

	if (h->nlmsg_type == GENL_ID_CTRL) {
		struct nlattr *ctb[CTRL_ATTR_MAX + 1];

		if (gh->cmd == CTRL_CMD_DELFAMILY &&
		    !genlmsg_parse(h, 0, ctb, CTRL_ATTR_MAX, NULL) &&
		    ctb[CTRL_ATTR_FAMILY_NAME] &&
		    !strcmp(nla_get_string(ctb[CTRL_ATTR_FAMILY_NAME]),
			    DRIFTGUARD_GENL_NAME))
			d->family_gone = true;
		return NL_OK;
	}
	if (h->nlmsg_type != d->ev.family || gh->cmd != DRIFTGUARD_CMD_EVENT ||
	    dg_nl_parse(msg, tb))
		return NL_SKIP;
	dgd_record(d, tb);
	return NL_OK;
}

static void dgd_read_events(struct dgd *d)
{
	bool overrun = false;
	int i, err;

	/* Bounded: a storm of events must not starve the other fds. */
	for (i = 0; i < 4096; i++) {
		err = nl_recvmsgs_default(d->ev.sock);
		if (err == -NLE_NOMEM || err == -NLE_MSG_OVERFLOW) {
			/*
			 * ENOBUFS: the kernel could not queue to us. The
			 * module counts those in events_dropped: ask now.
			 */
			dgd_log("the event socket overran: events were lost");
			overrun = true;
			continue;
		}
		if (err < 0)
			break;
	}
	if (d->family_gone || overrun)
		dgd_check_module(d);
}

/* --- signals and the loop ----------------------------------------------- */

static void dgd_signals(struct dgd *d)
{
	struct signalfd_siginfo si;

	while (read(d->sfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			/* logrotate's postrotate, and "reload" */
			if (d->log) {
				int err = dg_evlog_reopen(d->log);

				if (err)
					dgd_log("%s: reopening: %s", d->log_path,
						strerror(-err));
			}
			dgd_reload(d, "SIGHUP");
		} else {
			d->stop = true;
		}
	}
}

static void dgd_tick(struct dgd *d)
{
	uint64_t n;

	if (read(d->tfd, &n, sizeof(n)) < 0)
		return;
	dg_throttle_expire(d->throttle, dgd_now(CLOCK_MONOTONIC), false);
	dgd_stops_due(d, false);
	if (d->module_up)
		dgd_check_module(d);
	if (!d->module_up)
		dgd_module_up(d);
	if (d->watchdog)
		sd_notify(0, "WATCHDOG=1");
	dgd_status(d);
}

static int dgd_setup(struct dgd *d)
{
	struct itimerspec its;
	uint64_t usec, tick = DG_TICK_SEC * 1000000ULL;
	sigset_t set;
	int err;

	/* The watchdog wants a ping at least every WATCHDOG_USEC / 2. */
	d->watchdog = sd_watchdog_enabled(0, &usec) > 0;
	if (d->watchdog && usec / 2 < tick)
		tick = usec / 2 ? usec / 2 : 1;
	its.it_interval.tv_sec = (time_t)(tick / 1000000);
	its.it_interval.tv_nsec = (long)(tick % 1000000) * 1000;
	its.it_value = its.it_interval;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d->sfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	d->cfg_ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	d->tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (d->sfd < 0 || d->cfg_ifd < 0 || d->tfd < 0 ||
	    timerfd_settime(d->tfd, 0, &its, NULL))
		return -errno;
	d->throttle = dg_throttle_new(d->cfg->daemon.throttle_window,
				      DG_THROTTLE_MAX, dgd_summary, d);
	if (!d->throttle)
		return -ENOMEM;
	err = dg_sync_init(&d->sync);
	if (err)
		return err;
	d->sync.refused = dgd_policy_refused;
	d->sync.refused_arg = d;
	dgd_watch_config(d);
	return 0;
}

static int dgd_run(struct dgd *d)
{
	enum { P_SIG, P_CFG, P_CG, P_TIMER, P_EV, P_N };
	struct pollfd pfd[P_N];
	int err;

	err = dgd_setup(d);
	if (err) {
		dgd_log("setting up: %s", strerror(-err));
		return 1;
	}
	/*
	 * The log is opened first, so the first sync's records reach it; but
	 * the policies go into the kernel before a log that cannot be opened
	 * stops the daemon, so that a wrong log path never leaves a freshly
	 * booted node without its policies.
	 */
	err = dgd_open_log(d);
	dgd_module_up(d);
	if (!d->module_up) {
		dgd_log("the driftguard module is not loaded: waiting for it");
		dg_sync_full(&d->sync, d->cfg, NULL);
	}
	/* Records with nowhere to go are a silent loss: refuse to run. */
	if (err) {
		dgd_log("not starting: records would be lost (an empty "
			"log_json runs without a JSON log)%s",
			d->module_up ? "; the policies are set and stay in force" : "");
		return 1;
	}
	sd_notify(0, "READY=1");
	dgd_status(d);

	while (!d->stop) {
		pfd[P_SIG] = (struct pollfd){ .fd = d->sfd, .events = POLLIN };
		pfd[P_CFG] = (struct pollfd){ .fd = d->cfg_ifd, .events = POLLIN };
		pfd[P_CG] = (struct pollfd){ .fd = d->sync.ifd, .events = POLLIN };
		pfd[P_TIMER] = (struct pollfd){ .fd = d->tfd, .events = POLLIN };
		pfd[P_EV] = (struct pollfd){ .fd = d->module_up ?
			nl_socket_get_fd(d->ev.sock) : -1, .events = POLLIN };
		if (poll(pfd, P_N, -1) < 0) {
			if (errno == EINTR)
				continue;
			dgd_log("poll: %s", strerror(errno));
			return 1;
		}
		/* Events first: they were decided under the policies in force. */
		if (pfd[P_EV].revents)
			dgd_read_events(d);
		if (pfd[P_CG].revents)
			dg_sync_cgroup_events(&d->sync, d->cfg,
					      d->module_up ? &d->nl : NULL);
		if (pfd[P_CFG].revents)
			dgd_config_events(d);
		if (pfd[P_SIG].revents)
			dgd_signals(d);
		if (pfd[P_TIMER].revents)
			dgd_tick(d);
	}
	/* What already reached the socket is recorded. */
	if (d->module_up)
		dgd_read_events(d);
	/* Nothing counted is left unsaid; no stop is left half done. */
	dg_throttle_free(d->throttle);
	d->throttle = NULL;
	dgd_stops_due(d, true);
	/* The policies stay in force: a restart must not open a gap. */
	dgd_log("stopping; the kernel policies stay in force");
	sd_notify(0, "STOPPING=1");
	return 0;
}

/* --- main --------------------------------------------------------------- */

static void dgd_usage(FILE *out)
{
	fprintf(out,
		"usage: driftguardd [--config-dir DIR] [--foreground]\n"
		"       driftguardd [--config-dir DIR] --check-config [--strict] [--quiet]\n\n"
		"Applies the [policy] sections of DIR/policy.d/*.conf to the\n"
		"driftguard module (a cgroup pattern covers every matching cgroup,\n"
		"now and later) and records the module's events in the JSON log\n"
		"(and as JSON lines on stdout with stdout = yes), syslog and the\n"
		"journal as DIR/driftguard.conf says: repeats\n"
		"throttled into counted summaries, a drifted file's SHA-256 (and a\n"
		"quarantined copy), each policy's response (kill, stop, pause).\n"
		"driftguardd owns every policy in the kernel: others are deleted.\n"
		"Reloads on SIGHUP and when a file in DIR or DIR/policy.d changes;\n"
		"files with an error change nothing. A missing or unreadable DIR or\n"
		"DIR/policy.d is an error, never an empty configuration. On\n"
		"SIGTERM it writes the open\n"
		"summaries, finishes pending stops, exits, and the policies stay in\n"
		"force.\n\n"
		"  --config-dir DIR   configuration directory [%s]\n"
		"  --check-config     check the files and that the JSON log can be\n"
		"                     opened, print the effective configuration\n"
		"                     and warnings (no policy, no output, a\n"
		"                     pattern matching every cgroup, a response\n"
		"                     that never runs or acts on alerts, a deny\n"
		"                     entry a busybox or toybox applet runs\n"
		"                     around), exit 0 (valid) or 1\n"
		"  --strict           with --check-config: warnings fail too\n"
		"  --quiet            with --check-config: print only problems\n"
		"                     (systemctl reload runs it so)\n"
		"  --foreground       run in the foreground (the only mode;\n"
		"                     systemd Type=notify)\n"
		"  --help, --version\n", DG_DEFAULT_CONFIG_DIR);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config-dir", required_argument, NULL, 'c' },
		{ "check-config", no_argument, NULL, 'C' },
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "foreground", no_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct dgd d = { .config_dir = DG_DEFAULT_CONFIG_DIR, .sfd = -1,
			 .cfg_ifd = -1, .tfd = -1, .cfg_wd = -1, .pol_wd = -1 };
	char err[DG_CONFIG_ERR_MAX];
	bool check = false, strict = false, quiet = false;
	int c, ret;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			d.config_dir = optarg;
			break;
		case 'C':
			check = true;
			break;
		case 's':
			strict = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'f':
			break;
		case 'h':
			dgd_usage(stdout);
			return 0;
		case 'V':
			printf("driftguardd %s\n", DRIFTGUARD_VERSION);
			return 0;
		default:
			dgd_usage(stderr);
			return 2;
		}
	}
	if (optind != argc || ((strict || quiet) && !check)) {
		if (optind == argc)
			dgd_log("--strict and --quiet go with --check-config");
		dgd_usage(stderr);
		return 2;
	}
	if (snprintf(d.daemon_file, sizeof(d.daemon_file), "%s/driftguard.conf",
		     d.config_dir) >= (int)sizeof(d.daemon_file) ||
	    snprintf(d.policy_dir, sizeof(d.policy_dir), "%s/policy.d",
		     d.config_dir) >= (int)sizeof(d.policy_dir)) {
		dgd_log("%s: %s", d.config_dir, strerror(ENAMETOOLONG));
		return 2;
	}
	if (dgd_load(&d, &d.cfg, err, sizeof(err))) {
		dgd_log("%s", err);
		return 1;
	}
	if (check) {
		/* What the daemon would refuse at start, said here first. */
		ret = d.cfg->daemon.log_json[0] ?
		      dg_evlog_check(d.cfg->daemon.log_json) : 0;
		if (ret) {
			dgd_log("%s: cannot open the event log: %s",
				d.cfg->daemon.log_json, strerror(-ret));
			dg_config_free(d.cfg);
			return 1;
		}
		if (!quiet)
			dg_config_print(d.cfg, stdout);
		ret = strict && d.cfg->nwarnings;
		if (ret)
			dgd_log("%zu warning%s: not valid under --strict",
				d.cfg->nwarnings, d.cfg->nwarnings == 1 ? "" : "s");
		dg_config_free(d.cfg);
		return ret;
	}
	ret = dgd_run(&d);
	dg_nl_close(&d.ev);
	dg_nl_close(&d.nl);
	dg_evlog_close(d.log);
	dg_evlog_close(d.out);
	free(d.log_path);
	dg_sync_fini(&d.sync);
	dg_config_free(d.cfg);
	return ret;
}
