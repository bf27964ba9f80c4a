// SPDX-License-Identifier: GPL-2.0
/* driftguardd: the metrics over HTTP and in a textfile, and the health check. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "dgd.h"

/*
 * The main loop refreshes the snapshot after every round of its poll loop
 * and at least every tick (DG_TICK_SEC): older than this, the loop is
 * stuck and the daemon is not alive, whatever the HTTP thread can say.
 */
#define DG_STALE_NS	(5ULL * DG_TICK_SEC * NSEC_PER_SEC)
/* A taken port is tried again this often. */
#define DG_LISTEN_RETRY_NS	(30ULL * NSEC_PER_SEC)

static const char dg_text_type[] = "text/plain; version=0.0.4; charset=utf-8";

static enum MHD_Result dg_answer(struct MHD_Connection *c, unsigned int code,
				 const char *type, const char *body, size_t len)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(len, (void *)body,
					    MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	ret = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result dg_answer_str(struct MHD_Connection *c,
				     unsigned int code, const char *body)
{
	return dg_answer(c, code, "text/plain; charset=utf-8", body, strlen(body));
}

/*
 * libmicrohttpd's thread: GET (or HEAD) /metrics, /healthz (the daemon's
 * loop runs, the module is there and the last sync set every policy) and
 * /livez (the loop runs). Everything it reads is copied under the lock.
 */
static enum MHD_Result dg_request(void *cls, struct MHD_Connection *c,
				  const char *url, const char *method,
				  const char *version, const char *upload,
				  size_t *upload_size, void **state)
{
	struct dgd_exporter *e = cls;
	char body[sizeof(e->unhealthy) + 128];
	enum MHD_Result ret;
	uint64_t age;
	bool metrics = !strcmp(url, "/metrics");
	bool health = !strcmp(url, "/healthz");

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)state;
	if (!metrics && !health && strcmp(url, "/livez"))
		return dg_answer_str(c, MHD_HTTP_NOT_FOUND,
				     "not found: /metrics, /healthz or /livez\n");
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD))
		return dg_answer_str(c, MHD_HTTP_METHOD_NOT_ALLOWED,
				     "GET or HEAD only\n");

	pthread_mutex_lock(&e->lock);
	if (metrics) {
		ret = e->text ? dg_answer(c, MHD_HTTP_OK, dg_text_type, e->text, e->len) :
		      dg_answer_str(c, MHD_HTTP_SERVICE_UNAVAILABLE, "no metrics yet\n");
		pthread_mutex_unlock(&e->lock);
		return ret;
	}
	age = dgd_now(CLOCK_MONOTONIC) - e->made_at;
	if (!e->made_at)
		snprintf(body, sizeof(body), "unhealthy: starting\n");
	else if (age > DG_STALE_NS)
		snprintf(body, sizeof(body), "unhealthy: driftguardd's event "
			 "loop has not run for %" PRIu64 " s\n", (uint64_t)(age / NSEC_PER_SEC));
	else if (health && e->unhealthy[0])
		snprintf(body, sizeof(body), "unhealthy: %s\n", e->unhealthy);
	else
		snprintf(body, sizeof(body), "ok\n");
	pthread_mutex_unlock(&e->lock);
	return dg_answer_str(c, strcmp(body, "ok\n") ? MHD_HTTP_SERVICE_UNAVAILABLE :
			     MHD_HTTP_OK, body);
}

static void dg_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];

	(void)cls;
	vsnprintf(msg, sizeof(msg), fmt, ap);
	msg[strcspn(msg, "\n")] = '\0';
	dgd_log("metrics endpoint: %s", msg);
}

/* The listening socket, bound here so that a taken port has its errno. */
static int dg_listen_socket(const char *addr, bool *v6)
{
	struct sockaddr_storage ss;
	bool loopback;
	int fd, one = 1, err;

	if (dg_listen_parse(addr, &ss, &loopback))
		return -EINVAL;
	*v6 = ss.ss_family == AF_INET6;
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (*v6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, *v6 ? sizeof(struct sockaddr_in6) :
		 sizeof(struct sockaddr_in)) || listen(fd, 16)) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

static void dg_listen(struct dgd *d)
{
	struct dgd_exporter *e = &d->exp;
	const char *addr = d->cfg->daemon.metrics_listen;
	bool v6 = false;
	int fd;

	e->retry_at = dgd_now(CLOCK_MONOTONIC) + DG_LISTEN_RETRY_NS;
	fd = dg_listen_socket(addr, &v6);
	if (fd >= 0) {
		/* One thread polls every connection; at most 16 at once. */
		/* The logger first: MHD complains on stderr otherwise. */
		e->mhd = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD |
					  MHD_USE_ERROR_LOG |
					  (v6 ? MHD_USE_IPv6 : 0), 0, NULL, NULL,
					  dg_request, e,
					  MHD_OPTION_EXTERNAL_LOGGER, dg_mhd_log, NULL,
					  MHD_OPTION_LISTEN_SOCKET, fd,
					  MHD_OPTION_CONNECTION_LIMIT, 16u,
					  MHD_OPTION_CONNECTION_TIMEOUT, 10u,
					  MHD_OPTION_END);
		if (!e->mhd)
			close(fd);
		fd = e->mhd ? 0 : -EIO;
	}
	if (fd < 0) {
		/* systemd's RestrictAddressFamilies gives EAFNOSUPPORT. */
		if (!e->listen_failed)
			dgd_log("metrics_listen %s: cannot listen: %s: no metrics "
				"or health endpoint until it can (trying again "
				"every %llu s)%s", addr, strerror(-fd),
				DG_LISTEN_RETRY_NS / NSEC_PER_SEC,
				fd == -EAFNOSUPPORT || fd == -EPERM ?
				"; under systemd, the unit needs the metrics "
				"drop-in (driftguardd(8), SYSTEMD)" : "");
		e->listen_failed = true;
		return;
	}
	free(e->listen);
	e->listen = strdup(addr);
	e->listen_failed = false;
	dgd_log("metrics on http://%s/metrics, health on /healthz and /livez",
		addr);
}

void dgd_exporter_stop(struct dgd *d)
{
	struct dgd_exporter *e = &d->exp;

	/* Joins the thread and closes the socket: nothing reads e after. */
	if (e->mhd)
		MHD_stop_daemon(e->mhd);
	e->mhd = NULL;
	free(e->listen);
	e->listen = NULL;
}

void dgd_exporter_config(struct dgd *d)
{
	struct dgd_exporter *e = &d->exp;
	const char *want = d->cfg->daemon.metrics_listen;

	if (e->mhd && !strcmp(e->listen, want))
		return;
	dgd_exporter_stop(d);
	e->listen_failed = false;
	if (want[0])
		dg_listen(d);
}

/* Why the daemon is not healthy, or "". */
static void dg_judge(struct dgd *d, char *why, size_t size)
{
	const struct dg_sync *s = &d->sync;
	char when[64];
	time_t t = (time_t)(s->synced_at / NSEC_PER_SEC);
	struct tm tm;

	why[0] = '\0';
	if (!d->module_up) {
		snprintf(why, size, "the driftguard module is not loaded: "
			 "nothing is enforced");
		return;
	}
	if (!s->synced_at) {
		snprintf(why, size, "no sync has reached the module yet");
		return;
	}
	if (!s->sync_err)
		return;
	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(why, size, "the last sync (%s) failed: %s", when, s->sync_why);
}

/*
 * node_exporter's textfile collector may read at any moment: it sees the
 * old file or the new one, never half of one (rename(2) replaces it).
 */
static int dg_write_textfile(const char *path, const char *text, size_t len)
{
	char tmp[PATH_MAX];
	ssize_t n;
	int fd, err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return -errno;
	/*
	 * node_exporter runs as a user of its own; the unit's UMask=0027
	 * would hide the file from it. The metrics carry no secret.
	 */
	if (fchmod(fd, 0644))
		err = -errno;
	for (; !err && len; text += n, len -= (size_t)n) {
		n = write(fd, text, len);
		if (n < 0) {
			err = -errno;
			break;
		}
	}
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, path))
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}

static void dg_textfile(struct dgd *d, const char *text, size_t len)
{
	struct dgd_exporter *e = &d->exp;
	const char *path = d->cfg->daemon.metrics_textfile;
	int err = dg_write_textfile(path, text, len);

	if (err && !e->textfile_failed)
		dgd_log("metrics_textfile %s: cannot write: %s%s (trying again "
			"every %d s)", path, strerror(-err),
			err == -ENOENT ? " (its directory does not exist)" : "",
			DG_TICK_SEC);
	else if (!err && e->textfile_failed)
		dgd_log("metrics_textfile %s: written again", path);
	e->textfile_failed = err != 0;
}

void dgd_exporter_update(struct dgd *d, bool textfile)
{
	const struct dg_daemon_config *c = &d->cfg->daemon;
	struct dgd_exporter *e = &d->exp;
	struct dg_metrics *m = &d->metrics;
	char why[sizeof(e->unhealthy)], *text, *old;
	size_t len;

	/* Without an endpoint nobody reads the snapshot between two files. */
	if (!c->metrics_listen[0] && (!textfile || !c->metrics_textfile[0]))
		return;
	/* A taken port may be free by now. */
	if (c->metrics_listen[0] && !e->mhd &&
	    dgd_now(CLOCK_MONOTONIC) >= e->retry_at)
		dg_listen(d);
	m->version = DRIFTGUARD_VERSION;
	m->module_up = d->module_up;
	m->status = d->status;
	m->policies_configured = d->cfg->npolicies;
	m->cgroups_covered = d->sync.nwant;
	m->events = d->events;
	m->suppressed = d->suppressed;
	m->excluded = d->excluded;
	m->lost = d->lost;
	m->synced_at = d->sync.synced_at;
	m->sync_err = d->sync.sync_err;
	text = dg_metrics_format(m, &len);
	/* Without memory the last snapshot stays, and grows old. */
	if (!text)
		return;
	if (textfile && c->metrics_textfile[0])
		dg_textfile(d, text, len);
	dg_judge(d, why, sizeof(why));
	pthread_mutex_lock(&e->lock);
	old = e->text;
	e->text = text;
	e->len = len;
	e->made_at = dgd_now(CLOCK_MONOTONIC);
	memcpy(e->unhealthy, why, sizeof(why));
	pthread_mutex_unlock(&e->lock);
	free(old);
}
