// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the syslog line and the priority an event gets. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <cmocka.h>

#include "config.h"
#include "sinks.h"

/* Binds a datagram socket at a new path; returns its fd. */
static int listener(char *path, size_t size)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd;

	snprintf(path, size, "/tmp/dg-sinks-%d.sock", (int)getpid());
	unlink(path);
	memcpy(sun.sun_path, path, strlen(path) + 1);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof(sun)), 0);
	return fd;
}

static void syslog_line_is_key_value_with_odd_values_quoted_on_one_line(void **state)
{
	struct json_object *o = json_object_new_object();
	char path[64], buf[1024], want[1024];
	ssize_t n;
	int fd;

	(void)state;
	fd = listener(path, sizeof(path));
	json_object_object_add(o, "action", json_object_new_string("blocked"));
	json_object_object_add(o, "path", json_object_new_string("/tmp/a b"));
	json_object_object_add(o, "pid", json_object_new_int(42));
	json_object_object_add(o, "runbook", json_object_new_string(""));
	json_object_object_add(o, "comm", json_object_new_string("x=\"y\""));
	json_object_object_add(o, "filename", json_object_new_string("a\nfake=1"));
	assert_int_equal(dg_sink_syslog(path, o, LOG_ERR, DG_SYSLOG_LOCAL), 0);
	n = recv(fd, buf, sizeof(buf) - 1, 0);
	assert_true(n > 0);
	buf[n] = '\0';
	snprintf(want, sizeof(want), "<%d>driftguardd[%d]: action=blocked "
		 "path=\"/tmp/a b\" pid=42 runbook=\"\" comm=\"x=\\\"y\\\"\" "
		 "filename=\"a\\nfake=1\"",
		 LOG_DAEMON | LOG_ERR, (int)getpid());
	assert_string_equal(buf, want);
	json_object_put(o);
	close(fd);
	unlink(path);
}

static void rfc5424_line_has_version_time_host_app_pid_and_record_as_msgid(void **state)
{
	struct json_object *o = json_object_new_object();
	char path[64], buf[1024], host[256] = "", re[512];
	ssize_t n;
	int fd;

	(void)state;
	fd = listener(path, sizeof(path));
	gethostname(host, sizeof(host) - 1);
	json_object_object_add(o, "record", json_object_new_string("summary"));
	json_object_object_add(o, "count", json_object_new_int(7));
	assert_int_equal(dg_sink_syslog(path, o, LOG_WARNING, DG_SYSLOG_RFC5424), 0);
	n = recv(fd, buf, sizeof(buf) - 1, 0);
	assert_true(n > 0);
	buf[n] = '\0';
	snprintf(re, sizeof(re), "<%d>1 ", LOG_DAEMON | LOG_WARNING);
	assert_memory_equal(buf, re, strlen(re));
	/* 2026-11-22T20:21:03.123456Z */
	assert_int_equal(buf[strlen(re) + 10], 'T');
	assert_int_equal(buf[strlen(re) + 26], 'Z');
	snprintf(re, sizeof(re), " %s driftguardd %d summary - record=summary count=7",
		 host, (int)getpid());
	assert_string_equal(buf + strlen("<28>1 ") + 27, re);
	json_object_put(o);
	close(fd);
	unlink(path);
}

static void syslog_without_a_listener_is_an_error(void **state)
{
	struct json_object *o = json_object_new_object();

	(void)state;
	assert_int_equal(dg_sink_syslog("/tmp/dg-sinks-nobody.sock", o, LOG_ERR,
					DG_SYSLOG_LOCAL), -ENOENT);
	json_object_put(o);
}

static void priority_follows_severity_and_is_one_lower_when_allowed(void **state)
{
	(void)state;
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_BLOCKED, DG_SEVERITY_HIGH), LOG_ERR);
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_ALERTED, DG_SEVERITY_HIGH), LOG_WARNING);
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_BLOCKED, DG_SEVERITY_MEDIUM), LOG_WARNING);
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_BLOCKED, DG_SEVERITY_LOW), LOG_NOTICE);
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_ALERTED, DG_SEVERITY_INFO), LOG_INFO);
	assert_int_equal(dg_sink_priority(DRIFTGUARD_ACTION_BLOCKED, 99), LOG_ERR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syslog_line_is_key_value_with_odd_values_quoted_on_one_line),
		cmocka_unit_test(rfc5424_line_has_version_time_host_app_pid_and_record_as_msgid),
		cmocka_unit_test(syslog_without_a_listener_is_an_error),
		cmocka_unit_test(priority_follows_severity_and_is_one_lower_when_allowed),
	};

	return cmocka_run_group_tests_name("sinks", tests, NULL, NULL);
}
