// SPDX-License-Identifier: GPL-2.0
/*
 * driftguardd: applies the policy files to the module and records its
 * events. This file: signals, the timer, the poll loop and main().
 */
#include "dgd.h"

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
	dgd_digest_check(d, false);
	/* Containers whose cgroup is gone take their context with them. */
	if (dgd_now(CLOCK_MONOTONIC) >= d->prune_at) {
		dg_context_cache_prune(d->contexts);
		d->prune_at = dgd_now(CLOCK_MONOTONIC) + DG_CONTEXT_PRUNE_SEC * NSEC_PER_SEC;
	}
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
	struct dg_context_roots roots;
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
	dgd_context_roots(d->cfg, &roots);
	d->contexts = dg_context_cache_new(DG_CONTEXT_CACHE_MAX, &roots, dgd_log);
	if (!d->contexts)
		return -ENOMEM;
	err = dg_sync_init(&d->sync);
	if (err)
		return err;
	d->sync.refused = dgd_policy_refused;
	d->sync.refused_arg = d;
	d->sync.added = dgd_digest_cgroup_added;
	d->sync.added_arg = d;
	err = dg_capturer_start(&d->capturer, dgd_log);
	if (err)
		return err;
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
	dgd_exporter_config(d);
	dgd_exporter_update(d, true);
	/*
	 * Only now, after the first sync: a caller that waits for this line
	 * (or for READY=1 under systemd) knows every policy the files name
	 * is in force, lazy hooks included.
	 */
	if (!d->module_up)
		dgd_log("ready: waiting for the module");
	else if (d->sync.sync_err)
		dgd_log("ready: the module's policies are set, except: %s",
			d->sync.sync_why);
	else
		dgd_log("ready: the module's policies are set, %zu in force",
			d->sync.nwant);
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
		/* After every round: what the endpoint serves is this loop's. */
		dgd_exporter_update(d, pfd[P_TIMER].revents);
	}
	/* What already reached the socket is recorded. */
	if (d->module_up)
		dgd_read_events(d);
	/* Nothing counted is left unsaid; no stop is left half done. */
	dg_throttle_free(d->throttle);
	d->throttle = NULL;
	dg_context_cache_free(d->contexts);
	d->contexts = NULL;
	dgd_stops_due(d, true);
	/* The captures the records name are written before we go. */
	dg_capturer_stop(&d->capturer);
	dgd_digest_check(d, true);
	dgd_exporter_stop(d);
	/* The policies stay in force: a restart must not open a gap. */
	dgd_log("stopping; the kernel policies stay in force");
	sd_notify(0, "STOPPING=1");
	return 0;
}

/* --- main --------------------------------------------------------------- */

/* 1 (and a warning) when metrics_textfile's directory cannot be written. */
static size_t dgd_check_textfile(const struct dg_config *cfg)
{
	const char *path = cfg->daemon.metrics_textfile, *slash;
	char dir[PATH_MAX];

	slash = strrchr(path, '/');
	if (!slash || (size_t)(slash - path) >= sizeof(dir))
		return 0;
	snprintf(dir, sizeof(dir), "%.*s", slash == path ? 1 : (int)(slash - path),
		 path);
	if (!access(dir, W_OK | X_OK))
		return 0;
	dgd_log("warning: metrics_textfile %s: cannot write in %s: %s (the "
		"daemon runs, and writes it once it can)", path, dir,
		strerror(errno));
	return 1;
}

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
		"quarantined copy), each policy's response (kill, stop, pause),\n"
		"with capture = yes a capture file of the container's upper-layer\n"
		"changes and processes, with require_digest = yes an image record\n"
		"for a container started from a mutable tag.\n"
		"With metrics_listen = ADDRESS:PORT it serves Prometheus metrics\n"
		"on /metrics and its health on /healthz (event loop running,\n"
		"module loaded, last sync set every policy) and /livez (event\n"
		"loop running); with metrics_textfile = PATH it writes the\n"
		"metrics there for node_exporter (see driftguardd(8)).\n"
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
		"                     around, a metrics_textfile whose directory\n"
		"                     cannot be written), exit 0 (valid) or 1\n"
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
			 .cfg_ifd = -1, .tfd = -1, .cfg_wd = -1, .pol_wd = -1,
			 .exp.lock = PTHREAD_MUTEX_INITIALIZER };
	char err[DG_CONFIG_ERR_MAX];
	bool check = false, strict = false, quiet = false;
	size_t nwarnings;
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
		/* The daemon starts without it, and says so: a warning. */
		nwarnings = d.cfg->nwarnings + dgd_check_textfile(d.cfg);
		ret = strict && nwarnings;
		if (ret)
			dgd_log("%zu warning%s: not valid under --strict",
				nwarnings, nwarnings == 1 ? "" : "s");
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
	free(d.exp.text);
	return ret;
}

