/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: where driftguardd writes: its own log, syslog, the journal. */
#ifndef DG_SINKS_H
#define DG_SINKS_H

/*
 * Both take the event as the JSON object the event log writes (without
 * "prev"), so the three outputs carry the same fields under the same names.
 */

#include <json-c/json.h>

#include "config.h"

/*
 * The daemon's own messages: "driftguardd: ..." on stderr (the journal
 * under systemd, a file in the tests).
 */
void dgd_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* syslog(3) level: the policy's severity, one step less when allowed. */
int dg_sink_priority(int action, int severity);

/*
 * Sends one datagram to the syslog socket @path (facility daemon): the
 * header, then the message "key=value key=value ..." where values with
 * blanks, quotes, '=' or '\' are written as JSON strings. The header is
 * "<PRI>driftguardd[PID]: " (DG_SYSLOG_LOCAL, as syslog(3) sends) or
 * "<PRI>1 TIMESTAMP HOST driftguardd PID RECORD - " (DG_SYSLOG_RFC5424; the
 * MSGID is the record kind). The socket is connected per message, so a
 * restarted syslog daemon is found again. Returns 0 or -errno.
 */
int dg_sink_syslog(const char *path, struct json_object *o, int prio,
		   enum dg_syslog_format format);

/*
 * Sends the event to journald: MESSAGE=@message, a fixed MESSAGE_ID
 * (DG_SINK_MESSAGE_ID), PRIORITY=@prio and one DRIFTGUARD_<KEY>= field per
 * key of @o. Returns 0, -ENOENT when journald does not run, or -errno.
 */
#define DG_SINK_MESSAGE_ID	"5b1f0c7e9a2d4c38b6e1d0f4a7c9e213"
int dg_sink_journal(struct json_object *o, int prio, const char *message);

#endif /* DG_SINKS_H */
