/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: one record per (container, path, action) and window. */
#ifndef DG_THROTTLE_H
#define DG_THROTTLE_H

/*
 * A container that retries a blocked binary in a loop makes one kernel event
 * per attempt. The first event of a (who, path, action) key is written and
 * opens a window of @window seconds; the others in that window are only
 * counted. When the window closes, a summary is handed to the emitter when
 * more than the first happened: the first event's object with "record"
 * "summary", "count" (events in the window, the first included),
 * "suppressed" (count - 1), "first_time" and "last_time" (RFC 3339, with
 * first_time_ns and last_time_ns beside them), and without the fields of one
 * process or record (pid, tgid, ppid, uid, gid, comm, filename, interpreter,
 * sha256, quarantine, evidence, exe, cmdline, cwd, parent_exe, user, uuid,
 * capture, capture_error).
 * So every event is counted:
 * written records plus the "suppressed" of the summaries are the events.
 *
 * Windows close in the order they opened (all have the same length), so the
 * table is a FIFO with a search tree beside it. At most @max keys are open;
 * a new key beyond that closes the oldest window early.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

struct dg_throttle;

/* Called with each summary; the object is the callee's to put. */
typedef void (*dg_throttle_emit_fn)(void *arg, struct json_object *summary);

/* @window 0: every event is written. NULL without memory. */
struct dg_throttle *dg_throttle_new(unsigned int window, size_t max,
				    dg_throttle_emit_fn emit, void *arg);
/* Closes every window (summaries emitted) and frees. */
void dg_throttle_free(struct dg_throttle *t);

/* A new window length, for the windows open now too. */
void dg_throttle_set_window(struct dg_throttle *t, unsigned int window);

/*
 * Counts one event @ev (its "time_ns" read for first/last) of key (@who, @path,
 * @action) at monotonic time @now (ns). @action is any number that completes
 * the key: driftguardd gives the class, action and hook, so a file created and
 * then executed at one path are two keys. Returns true when the event opens a
 * window and must be written, false when it was counted into an open one.
 * Without memory, the event is written (true): nothing is lost.
 */
bool dg_throttle_hit(struct dg_throttle *t, const char *who, const char *path,
		     int action, uint64_t now, struct json_object *ev);

/* Closes the windows that ended by @now (all when @all). */
void dg_throttle_expire(struct dg_throttle *t, uint64_t now, bool all);

/* Open windows, and events counted but not yet summarised. */
size_t dg_throttle_open(const struct dg_throttle *t);
unsigned long dg_throttle_pending(const struct dg_throttle *t);

#endif /* DG_THROTTLE_H */
