// SPDX-License-Identifier: GPL-2.0
/* driftguardd: the configuration, its reload, and the event log it names. */
#include "dgd.h"

/* --- configuration ------------------------------------------------------ */

/* Loads the configuration directory and logs its warnings. */
int dgd_load(struct dgd *d, struct dg_config **out, char *err,
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
int dgd_open_log(struct dgd *d)
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

void dgd_status(struct dgd *d)
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
void dgd_reload(struct dgd *d, const char *why)
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
	dgd_exporter_config(d);
	dgd_status(d);
}

void dgd_watch_config(struct dgd *d)
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
void dgd_config_events(struct dgd *d)
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
