// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the syslog and journal copies of an event. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <systemd/sd-journal.h>

#include <linux/driftguard.h>
#include "config.h"
#include "sinks.h"

#define DG_JOURNAL_SOCKET	"/run/systemd/journal/socket"
#define DG_JOURNAL_FIELDS_MAX	64

/* stderr: systemd puts it in the journal, a test in a file. */
void dgd_log(const char *fmt, ...)
{
	va_list ap;

	/* One line, also when the metrics endpoint's thread logs at once. */
	flockfile(stderr);
	fputs("driftguardd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	funlockfile(stderr);
}

int dg_sink_priority(int action, int severity)
{
	static const int prio[__DG_SEVERITY_MAX] = {
		[DG_SEVERITY_HIGH] = LOG_ERR,
		[DG_SEVERITY_MEDIUM] = LOG_WARNING,
		[DG_SEVERITY_LOW] = LOG_NOTICE,
		[DG_SEVERITY_INFO] = LOG_INFO,
	};
	/* Unknown severity fails loud, not quiet. */
	int p = severity >= 0 && severity < __DG_SEVERITY_MAX ?
		prio[severity] : LOG_ERR;

	if (action != DRIFTGUARD_ACTION_BLOCKED && p < LOG_INFO)
		p++;
	return p;
}

/* The RFC 5424 header up to MSG: VERSION TIMESTAMP HOSTNAME APP PROCID MSGID SD. */
static int dg_rfc5424_header(char *line, size_t size, int prio, const char *msgid)
{
	char host[256] = "-", stamp[64];
	struct timespec ts;
	struct tm tm;
	size_t len;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	len = strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(stamp + len, sizeof(stamp) - len, ".%06ldZ", ts.tv_nsec / 1000);
	if (gethostname(host, sizeof(host) - 1) || !host[0])
		strcpy(host, "-");
	host[sizeof(host) - 1] = '\0';
	return snprintf(line, size, "<%d>1 %s %s driftguardd %d %s - ",
			LOG_DAEMON | prio, stamp, host, (int)getpid(),
			msgid && msgid[0] ? msgid : "-");
}

static bool dg_needs_quotes(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f || strchr(" \"=\\", *v))
			return true;
	return false;
}

int dg_sink_syslog(const char *path, struct json_object *o, int prio,
		   enum dg_syslog_format format)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	struct json_object *kind;
	char line[8192];
	int n, fd, err = 0;
	size_t off;

	if (strlen(path) >= sizeof(sun.sun_path))
		return -ENAMETOOLONG;
	memcpy(sun.sun_path, path, strlen(path));
	if (format == DG_SYSLOG_RFC5424)
		n = dg_rfc5424_header(line, sizeof(line), prio,
				      json_object_object_get_ex(o, "record", &kind) ?
				      json_object_get_string(kind) : NULL);
	else
		n = snprintf(line, sizeof(line), "<%d>driftguardd[%d]: ",
			     LOG_DAEMON | prio, (int)getpid());
	if (n < 0 || (size_t)n >= sizeof(line))
		return -EINVAL;
	off = (size_t)n;
	json_object_object_foreach(o, key, val) {
		const char *v = json_object_get_string(val);

		if (!v)
			v = "";
		/*
		 * Quoted (and escaped) when it could be read as more fields
		 * or more lines: blanks, quotes, '=', '\\', control bytes.
		 */
		if (!v[0] || dg_needs_quotes(v))
			v = json_object_to_json_string_ext(val,
					JSON_C_TO_STRING_PLAIN |
					JSON_C_TO_STRING_NOSLASHESCAPE);
		n = snprintf(line + off, sizeof(line) - off, "%s%s=%s",
			     off > 0 && line[off - 1] != ' ' ? " " : "", key, v);
		/* Cut at a field boundary: no half value goes out. */
		if (n < 0 || (size_t)n >= sizeof(line) - off)
			break;
		off += (size_t)n;
	}
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) ||
	    send(fd, line, off, MSG_NOSIGNAL) < 0)
		err = -errno;
	close(fd);
	return err;
}

int dg_sink_journal(struct json_object *o, int prio, const char *message)
{
	struct iovec iov[DG_JOURNAL_FIELDS_MAX];
	char *bufs[DG_JOURNAL_FIELDS_MAX];
	int n = 0, i, err;

	if (access(DG_JOURNAL_SOCKET, W_OK))
		return -ENOENT;
	if (asprintf(&bufs[n++], "MESSAGE=%s", message) < 0)
		return -ENOMEM;
	if (asprintf(&bufs[n++], "MESSAGE_ID=%s", DG_SINK_MESSAGE_ID) < 0 ||
	    asprintf(&bufs[n++], "PRIORITY=%d", prio) < 0 ||
	    asprintf(&bufs[n++], "SYSLOG_IDENTIFIER=driftguardd") < 0) {
		n--;
		err = -ENOMEM;
		goto out;
	}
	json_object_object_foreach(o, key, val) {
		const char *v = json_object_get_string(val);
		char *b;

		if (n == DG_JOURNAL_FIELDS_MAX)
			break;
		if (asprintf(&bufs[n], "DRIFTGUARD_%s=%s", key, v ? v : "") < 0)
			break;
		/* Journal field names are upper case; our keys are [a-z_]. */
		for (b = bufs[n] + strlen("DRIFTGUARD_"); *b != '='; b++)
			if (*b >= 'a' && *b <= 'z')
				*b -= 'a' - 'A';
		n++;
	}
	for (i = 0; i < n; i++) {
		iov[i].iov_base = bufs[i];
		iov[i].iov_len = strlen(bufs[i]);
	}
	err = sd_journal_sendv(iov, n);
out:
	for (i = 0; i < n; i++)
		free(bufs[i]);
	return err;
}
