/* SPDX-License-Identifier: GPL-2.0 */
/* driftguardd: its state, and what its parts call of each other. */
#ifndef DG_DGD_H
#define DG_DGD_H

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
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

#include "capture.h"
#include "cgroup.h"
#include "config.h"
#include "container.h"
#include "context.h"
#include "evidence.h"
#include "evlog.h"
#include "metrics.h"
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
#define DG_CONTEXT_PRUNE_SEC	30	/* contexts of gone cgroups dropped */
#define NSEC_PER_SEC		1000000000ULL
#define DG_CFG_MASK (IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | \
		     IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

/*
 * The HTTP endpoint runs in libmicrohttpd's own thread, so a slow or stuck
 * client never delays an event. That thread reads only what is under
 * @lock: the main loop renders the metrics and judges its health, then
 * swaps them in; the thread copies them out per request. The time of the
 * last swap makes "the daemon answers" mean "its event loop runs", not
 * only "its HTTP thread does".
 */
struct MHD_Daemon;
struct dgd_exporter {
	struct MHD_Daemon *mhd;		/* NULL: not listening */
	char *listen;			/* what mhd listens on */
	uint64_t retry_at;		/* monotonic ns: listen again then */
	bool listen_failed;		/* said once per failure */
	bool textfile_failed;
	pthread_mutex_t lock;
	char *text;			/* under lock: the exposition text */
	size_t len;
	uint64_t made_at;		/* under lock: monotonic ns */
	char unhealthy[1024];		/* under lock: why not, "" healthy */
};

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
	struct dg_nl_status status;	/* its last answer, for the metrics */
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
	struct dg_context_cache *contexts;	/* image, name, pod by container */
	uint64_t prune_at;		/* monotonic ns: prune contexts then */
	struct dgd_stop stops[DG_STOPS_MAX];
	size_t nstops;
	enum dg_response last_response;	/* the last one, not to repeat it */
	char last_target[PATH_MAX];
	uint64_t last_response_at;
	struct dg_metrics metrics;	/* records counted by kind */
	struct dgd_exporter exp;
	struct dg_capturer capturer;	/* capture = yes: its thread */
	bool capture_failed;		/* said once per run of failures */
	struct dgd_digest_wait *digest_wait;	/* digest.c: starts to check */
	size_t ndigest_wait;
	bool syslog_failed;
	bool stdout_failed;
	bool watchdog;
	bool stop;
};


/* reload.c: the configuration directory, its reload, the event log it names */

/* Loads the configuration directory and logs its warnings. */
int dgd_load(struct dgd *d, struct dg_config **out, char *err, size_t size);
int dgd_open_log(struct dgd *d);
/* STATUS= for systemd: what is loaded, counted and wrong. */
void dgd_status(struct dgd *d);
void dgd_reload(struct dgd *d, const char *why);
void dgd_watch_config(struct dgd *d);
void dgd_config_events(struct dgd *d);

/* records.c: building records, writing them to every output */

uint64_t dgd_now(clockid_t clock);
void dgd_emit(struct dgd *d, struct json_object *o, int prio,
	      const char *message);
struct json_object *dgd_record_new(const char *kind);
/* @o's string @key, or "". */
const char *dgd_str(struct json_object *o, const char *key);
void dgd_copy_fields(struct json_object *to, struct json_object *from,
		     const char *const *keys);
/* struct dg_sync's refused callback: a policy-error record. */
void dgd_policy_refused(void *arg, const struct dg_policy *policy,
			const char *cgroup, uint64_t id, const char *why);
/* A loss record: @lost events never reached driftguardd, for @reason. */
void dgd_loss(struct dgd *d, uint64_t lost, const char *reason);
/* The throttle's emit callback: a summary record. */
void dgd_summary(void *arg, struct json_object *o);

/* respond.c: a policy's response, and stops whose grace runs */

void dgd_respond(struct dgd *d, const struct dg_policy *p,
		 const char *cgroup, const struct dg_container *ctr,
		 struct json_object *ev);
void dgd_stops_due(struct dgd *d, bool all);

/* module.c: the module's presence, its counters and alert-only state */

void dgd_check_module(struct dgd *d);
bool dgd_alert_only(struct dgd *d);
void dgd_module_up(struct dgd *d);

/* exporter.c: the metrics over HTTP and in a textfile, the health check */

/* The endpoint as the configuration says: (re)started, moved or stopped. */
void dgd_exporter_config(struct dgd *d);
/* A fresh snapshot for the endpoint; @textfile: write the textfile too. */
void dgd_exporter_update(struct dgd *d, bool textfile);
void dgd_exporter_stop(struct dgd *d);

/* pipeline.c: netlink events to records and responses */

/* The runtimes' roots of @cfg, for the context cache. */
void dgd_context_roots(const struct dg_config *cfg, struct dg_context_roots *r);

int dgd_event_cb(struct nl_msg *msg, void *arg);

/* digest.c: require_digest's image records for containers that start */

/* struct dg_sync's added callback: cgroup @rel appeared. */
void dgd_digest_cgroup_added(void *arg, const char *rel);
/* Checks the starts still waiting for their runtime's files (@all: give up). */
void dgd_digest_check(struct dgd *d, bool all);
void dgd_read_events(struct dgd *d);

#endif /* DG_DGD_H */
