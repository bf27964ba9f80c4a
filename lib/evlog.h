/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: the tamper-evident JSON-lines event log. */
#ifndef DG_EVLOG_H
#define DG_EVLOG_H

/*
 * One event per line, each line one JSON object with the fields of
 * `driftctl events --json` (time: RFC 3339 UTC with nanoseconds, time_ns:
 * the same in ns since the epoch, action, class, hook, pid, tgid, ppid,
 * uid, gid, comm, path, filename, interpreter, cgroup, cgroup_id,
 * policy_cgroup_id, dev, ino; for a network event protocol, address and
 * port), then runtime, container_id and pod_uid for
 * a task in a container (pod_uid in Kubernetes only), the fields record.h
 * adds (node, uuid, exe, cmdline, cwd, parent_exe, user), the daemon's
 * (record, policy, severity, runbook, evidence), and last "prev": the
 * lowercase hex SHA-256 of the previous line's exact bytes, without its
 * newline. The first line of a log carries 64 zeros; after a rotation the
 * first line of the new file carries the hash of the old file's last line,
 * so the files of a rotated log form one chain.
 *
 * What the chain shows, and what it cannot:
 *  - an edited, deleted, inserted or moved record breaks the chain at the
 *    record after it. The chain has no key: whoever can write the file can
 *    also recompute every later prev, and only a copy of a later hash kept
 *    out of their reach (dg_evlog_head, sent elsewhere) shows that;
 *  - the LAST record can be edited or removed, and records can be cut from
 *    the end, without a trace: no later record vouches for them;
 *  - records cut from the start leave a first record whose prev is not
 *    zeros, which is also what a rotated file looks like; verifying the
 *    rotated files together, oldest first, tells the two apart.
 */

#include <stdint.h>
#include <stdio.h>
#include <json-c/json.h>

#include "container.h"

#define DG_HASH_HEX	64	/* SHA-256 in hex, without the NUL */

/*
 * One decision of the module as its EVENT message carries it
 * (dg_nl_event_parse), with the cgroup path and container driftguardd adds;
 * the module's own struct dg_event is the queued entry it is sent from.
 * NULL strings are written as "".
 */
struct dg_nl_event {
	uint64_t time;			/* CLOCK_REALTIME ns */
	int action, class, hook;	/* enum driftguard_action, _class, _hook */
	uint32_t pid, tgid, ppid, uid, gid;
	const char *comm, *path, *filename, *interpreter;
	const char *cgroup;		/* path of the task's cgroup */
	uint64_t cgroup_id, policy_cgroup_id;
	uint32_t dev;
	uint64_t ino;
	/* Network events (class listen, connect); addr NULL for others. */
	int proto;			/* IPPROTO_* */
	const char *addr;
	uint32_t port;
	const struct dg_container *container;	/* NULL: not in a container */
};

struct dg_evlog;

/*
 * Opens (creating, mode 0640) the log at @path for appending. A log that has
 * lines already is continued: the next record chains to its last line. A
 * last line without its newline is a record whose write was cut short
 * (crash, full disk); it is cut off so the chain goes on from the last
 * complete record. The file is locked (flock): a second writer would break
 * the chain; it gets -EWOULDBLOCK. A symlink at @path is refused (-ELOOP).
 * Returns 0 or -errno.
 */
int dg_evlog_open(const char *path, struct dg_evlog **out);
void dg_evlog_close(struct dg_evlog *log);

/*
 * A log on the stream @fd, named @name in messages: driftguardd's stdout
 * (`stdout = yes`), read by the container runtime (`kubectl logs`), Fluent
 * Bit or Vector. The same records and the same kind of chain, but its own:
 * what was written before cannot be read back, so the first record after
 * every start carries 64 zeros, and a capture of one run verifies alone.
 * Not locked, rotated or truncated; a write cut short is ended with a
 * newline (verify-log names that line). @fd is not closed by
 * dg_evlog_close. Returns 0 or -ENOMEM.
 */
int dg_evlog_open_stream(int fd, const char *name, struct dg_evlog **out);

/*
 * Whether dg_evlog_open(@path) would succeed, without creating, locking
 * or changing anything (so a running writer's lock does not count against
 * it): an existing @path must be a regular file (not a symlink) that opens
 * for writing; a missing one needs a writable directory, or a directory
 * whose parent exists (driftguardd makes that one directory). Returns 0
 * or -errno (-EISDIR, -ELOOP, -EINVAL for a FIFO or device, -ENOTDIR, ...).
 */
int dg_evlog_check(const char *path);

/*
 * Opens @path again after it was rotated (renamed away, or truncated by
 * copytruncate). An empty file continues the chain of the records this
 * writer wrote last; a file with lines continues from its last line. On
 * failure the old file stays open. Returns 0 or -errno.
 *
 * A log rotated while no writer had it open starts a new chain (prev of 64
 * zeros): the hash of the old file's last line is not kept anywhere else.
 */
int dg_evlog_reopen(struct dg_evlog *log);

/*
 * Rotates by size: FILE.<keep - 1> becomes FILE.<keep> (the old FILE.<keep>
 * is dropped), ..., FILE becomes FILE.1, and a new empty FILE continues the
 * chain, so `driftctl verify-log FILE.<keep> ... FILE.1 FILE` checks the
 * whole history that is kept. On failure the current file stays open.
 * Returns 0 or -errno.
 */
int dg_evlog_rotate(struct dg_evlog *log, unsigned int keep);

/* Bytes in the open file. */
uint64_t dg_evlog_size(const struct dg_evlog *log);

/*
 * Appends @ev as one record. The whole line goes out in one write(); a
 * partial write is cut off again so the file never holds a torn record.
 * Returns 0 or -errno.
 */
int dg_evlog_append(struct dg_evlog *log, const struct dg_nl_event *ev);

/* Appends the object @o (its "prev" set here, overwriting any). */
int dg_evlog_append_json(struct dg_evlog *log, struct json_object *o);

/* The event's fields as a new JSON object, without "prev". */
struct json_object *dg_event_json(const struct dg_nl_event *ev);

/* The hash the next record will carry as "prev" (DG_HASH_HEX + 1 bytes). */
const char *dg_evlog_head(const struct dg_evlog *log);

enum dg_verify_status {
	DG_VERIFY_INTACT,
	DG_VERIFY_BROKEN,	/* a record does not chain to the one before */
	DG_VERIFY_GARBLED,	/* a line is not a record: not JSON, no prev */
	DG_VERIFY_TRUNCATED,	/* the last line has no newline */
};

struct dg_verify_result {
	enum dg_verify_status status;
	unsigned long records;	/* lines read, the bad one included */
	/*
	 * The record named by the failure, 1-based: the garbled or truncated
	 * line; for a broken chain, record N where record N + 1 does not chain
	 * to it.
	 */
	unsigned long line;
	char reason[160];	/* says what can be known, naming records */
	char first_prev[DG_HASH_HEX + 1];	/* prev of record 1: zeros, or the
						   hash it continues (rotation) */
	char last_hash[DG_HASH_HEX + 1];	/* hash of the last good line */
};

/*
 * Reads the log @f from its current position to its end and checks every
 * line is a JSON object with a well-formed prev, and every prev after the
 * first is the hash of the line before. Stops at the first bad record.
 * An empty file is intact, with 0 records. Returns 0 when intact, -EBADMSG
 * with @r saying where and why, or -errno when reading fails.
 */
int dg_evlog_verify(FILE *f, struct dg_verify_result *r);

#endif /* DG_EVLOG_H */
