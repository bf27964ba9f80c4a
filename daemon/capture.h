/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: the investigation capture of a drifted container. */
#ifndef DG_CAPTURE_H
#define DG_CAPTURE_H

/*
 * With a policy's capture = yes, a container's first drift record in a
 * throttle window names a capture file (its "capture" field): what an
 * analyst needs to see what changed in the container, taken at that
 * moment. One JSON object (the format is in driftguard-capture(5)):
 *
 *   format       "driftguard-capture/1"
 *   time, time_ns  when the capture was taken
 *   record       the drift record's uuid, path, action, class, hook,
 *                policy, cgroup, and the container's fields it has
 *   upperdir, lowerdir  the container's rootfs overlay, as the mount says
 *   changes      the upper layer's files, sorted by path: path (in the
 *                container), change (added, modified, deleted, opaque),
 *                type (file, dir, symlink, fifo, socket, char, block),
 *                size, mode ("0755"), uid, gid, mtime, mtime_ns; target
 *                for a symlink; sha256 for a regular file that is
 *                executable (an x bit) or ELF, up to DG_CAPTURE_HASH_MAX
 *                bytes and DG_CAPTURE_HASH_TOTAL per capture (else
 *                sha256_skipped says why); metacopy for an overlay metadata-only copy-up
 *   processes    the container cgroup's processes and its descendants':
 *                pid, ppid, uid, exe, cmdline
 *   truncated    what a bound cut: "changes", "processes" (or absent)
 *   errors       what could not be read, "what: why" each (or absent)
 *
 * A change is "deleted" for an overlay whiteout (a character device 0/0),
 * "opaque" for a directory with the trusted.overlay.opaque (or
 * user.overlay.opaque) xattr "y": it hides the lower layers' directory. A
 * file or directory found in a lower layer is "modified", otherwise
 * "added"; directories that are in a lower layer and not opaque are not
 * listed (the upper layer holds them for their children). A relative
 * lowerdir (dockerd's overlay2 short links) is taken relative to the
 * directory above upperdir's parent, where dockerd mounts from.
 */

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#define DG_CAPTURE_FORMAT	"driftguard-capture/1"
#define DG_CAPTURE_HASH_MAX	(64ULL << 20)	/* bigger files: no sha256 */
#define DG_CAPTURE_HASH_TOTAL	(1ULL << 30)	/* hashed per capture, at most */
#define DG_CAPTURE_DEPTH_MAX	64		/* deeper directories skipped */
#define DG_CAPTURE_CMDLINE_MAX	4096
#define DG_CAPTURE_QUEUE	8		/* captures waiting to be taken */
#define DG_CAPTURE_WHO_MAX	128		/* containers remembered */

struct dg_capture_limits {
	unsigned int max_entries;	/* changes, and processes, each */
	uint64_t max_bytes;		/* the file */
};

/*
 * Finds the overlay mounted at "/" in the mountinfo file @mountinfo (a
 * process's /proc/PID/mountinfo) and copies its upperdir and lowerdir
 * options, unescaped. Returns 0, -ENOENT (no overlay at "/", or no
 * upperdir: a read-only rootfs) or -errno.
 */
int dg_capture_find_overlay(const char *mountinfo, char *upper, size_t usize,
			    char *lower, size_t lsize);

/*
 * Appends @what to @doc's "truncated" array (made when missing), once:
 * what a capture had to cut short. (capture.c and capture-upper.c.)
 */
void dg_capture_truncated(struct json_object *doc, const char *what);

/*
 * capture-upper.c: adds "changes" (the upper layer @upper against the lower layers
 * @lower, colon-separated, "" when unknown) to @doc, at most
 * @lim->max_entries entries and about @budget bytes of them; cut short,
 * "changes" is appended to @doc's "truncated". Returns 0 or -errno
 * (@upper cannot be opened).
 */
int dg_capture_diff(struct json_object *doc, const char *upper,
		    const char *lower, const struct dg_capture_limits *lim,
		    uint64_t budget);

/*
 * Adds "processes": the processes of cgroup directory @cgroup and of the
 * cgroups below it, at most @lim->max_entries. Returns 0 or -errno.
 */
int dg_capture_procs(struct json_object *doc, const char *cgroup,
		     const struct dg_capture_limits *lim);

/*
 * The file name of a capture taken at @ns (CLOCK_REALTIME) of container
 * @who: "YYYYMMDDTHHMMSS.NNNNNNNNNZ-WHO.json" (UTC), so that names sort by
 * time; WHO's characters other than [A-Za-z0-9._-] become '_'.
 */
void dg_capture_name(uint64_t ns, const char *who, char *buf, size_t size);

/*
 * Whether capture files can be written in @dir now: created if missing,
 * a directory, not on a read-only file system, with free space. 0 or
 * -errno (-ENOSPC: full).
 */
int dg_capture_dir_ready(const char *dir);

/*
 * Writes @doc to @dir/@name (through a temporary file and rename, mode
 * 0600), then deletes the oldest capture files of @dir beyond @keep.
 * Returns 0 or -errno.
 */
int dg_capture_write(const char *dir, const char *name,
		     struct json_object *doc, unsigned int keep);

/* --- the capture thread ------------------------------------------------- */

/*
 * Captures are taken by a thread of their own: walking an upper layer and
 * hashing its programs can take seconds, and records must keep flowing.
 * The event loop decides and queues (dg_capturer_queue); the thread takes,
 * writes and logs. A full queue refuses: the record says so.
 */
struct dg_capture_job {
	struct json_object *doc;	/* the header; the thread's to put */
	char dir[4096];
	char name[256];
	char cgroup[4096];		/* the container's own cgroup */
	uint32_t pid;			/* a process of the container */
	struct dg_capture_limits lim;
	unsigned int keep;
};

typedef void (*dg_capture_log_fn)(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

struct dg_capturer {
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct dg_capture_job *queue[DG_CAPTURE_QUEUE];	/* under lock */
	size_t head, count;		/* under lock */
	bool stop;			/* under lock */
	bool busy;			/* under lock: taking one */
	unsigned long written, failed;	/* under lock */
	bool failing;			/* the thread's: said once per run */
	dg_capture_log_fn log;
	/* The event loop's: when each container's window opened. */
	struct {
		char who[96];
		uint64_t at;
	} seen[DG_CAPTURE_WHO_MAX];
	size_t nseen, next;
};

int dg_capturer_start(struct dg_capturer *c, dg_capture_log_fn log);
/* Takes what is queued, then stops the thread. */
void dg_capturer_stop(struct dg_capturer *c);

/*
 * Whether container @who's drift at monotonic @now (ns) opens a capture
 * window of @window seconds (0: every record); remembers it when it does.
 */
bool dg_capturer_due(struct dg_capturer *c, const char *who, uint64_t now,
		     unsigned int window);

/* Queues @job (the thread frees it). -EBUSY when the queue is full. */
int dg_capturer_queue(struct dg_capturer *c, struct dg_capture_job *job);

/* Waits until nothing is queued or being taken (tests, shutdown). */
void dg_capturer_drain(struct dg_capturer *c);

/*
 * Takes one capture now, in the caller's thread: the processes of
 * @job->cgroup, the overlay of @job->pid (or of another process of the
 * cgroup), the diff, and the file. Returns 0 or -errno with @err set.
 */
int dg_capture_take(struct dg_capture_job *job, char *err, size_t size);

#endif /* DG_CAPTURE_H */
