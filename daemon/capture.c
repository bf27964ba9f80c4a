// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the investigation capture of a drifted container. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <openssl/evp.h>

#include "capdir.h"
#include "capture.h"
#include "evlog.h"
#include "hex.h"
#include "record.h"

/* --- the rootfs overlay ------------------------------------------------- */

/* Undoes the kernel's octal escapes (\040 for a blank, \054 for ','). */
static void dg_unescape(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*o++ = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 |
				      (s[3] - '0'));
			s += 3;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
}

/* The value of option @key in the comma-separated @opts, unescaped. */
static bool dg_option(const char *opts, const char *key, char *out, size_t size)
{
	size_t klen = strlen(key);
	const char *p = opts, *end;

	while (p && *p) {
		end = strchr(p, ',');
		if (!strncmp(p, key, klen) && p[klen] == '=') {
			size_t n = end ? (size_t)(end - p - klen - 1) :
					 strlen(p + klen + 1);

			if (n >= size)
				return false;
			memcpy(out, p + klen + 1, n);
			out[n] = '\0';
			dg_unescape(out);
			return true;
		}
		p = end ? end + 1 : NULL;
	}
	return false;
}

int dg_capture_find_overlay(const char *mountinfo, char *upper, size_t usize,
			    char *lower, size_t lsize)
{
	char *line = NULL, *f[12], *sep, *save, *fs, *super;
	size_t cap = 0;
	int err = -ENOENT, i;
	FILE *in;

	in = fopen(mountinfo, "re");
	if (!in)
		return -errno;
	/* The last mount at "/" is the one on top: the process's root. */
	while (getline(&line, &cap, in) > 0) {
		line[strcspn(line, "\n")] = '\0';
		sep = strstr(line, " - ");
		if (!sep)
			continue;
		*sep = '\0';
		for (i = 0, save = NULL; i < 12; i++) {
			f[i] = strtok_r(i ? NULL : line, " ", &save);
			if (!f[i])
				break;
		}
		if (i < 5 || strcmp(f[4], "/"))
			continue;
		fs = strtok_r(sep + 3, " ", &save);
		strtok_r(NULL, " ", &save);	/* the source */
		super = strtok_r(NULL, " ", &save);
		if (!fs || !super) {
			continue;
		} else if (strcmp(fs, "overlay")) {
			err = -ENOENT;
			continue;
		}
		err = dg_option(super, "upperdir", upper, usize) ? 0 : -ENOENT;
		if (!dg_option(super, "lowerdir", lower, lsize))
			lower[0] = '\0';
	}
	free(line);
	fclose(in);
	return err;
}

/* --- the document ----------------------------------------------------- */

void dg_capture_truncated(struct json_object *doc, const char *what)
{
	struct json_object *t;
	size_t i;

	if (!json_object_object_get_ex(doc, "truncated", &t)) {
		t = json_object_new_array();
		json_object_object_add(doc, "truncated", t);
	}
	for (i = 0; i < json_object_array_length(t); i++)
		if (!strcmp(json_object_get_string(json_object_array_get_idx(t, i)),
			    what))
			return;
	json_object_array_add(t, json_object_new_string(what));
}

static void dg_error(struct json_object *doc, const char *fmt, const char *a,
		     const char *b)
{
	struct json_object *e;
	char msg[4200];

	if (!json_object_object_get_ex(doc, "errors", &e)) {
		e = json_object_new_array();
		json_object_object_add(doc, "errors", e);
	}
	snprintf(msg, sizeof(msg), fmt, a, b);
	json_object_array_add(e, json_object_new_string(msg));
}

/* --- the process tree --------------------------------------------------- */

static struct json_object *dg_proc(unsigned int pid)
{
	char path[64], buf[DG_CAPTURE_CMDLINE_MAX], line[256], *status;
	struct json_object *p = json_object_new_object();
	long ppid = -1, uid = -1;
	ssize_t n;
	FILE *f;
	int fd;

	if (!p)
		return NULL;
	json_object_object_add(p, "pid", json_object_new_int64(pid));
	snprintf(path, sizeof(path), "/proc/%u/status", pid);
	f = fopen(path, "re");
	if (!f) {
		json_object_put(p);
		return NULL;		/* gone since cgroup.procs was read */
	}
	while (fgets(line, sizeof(line), f)) {
		status = line;
		if (!strncmp(status, "PPid:", 5))
			ppid = strtol(status + 5, NULL, 10);
		else if (!strncmp(status, "Uid:", 4))
			uid = strtol(status + 4, NULL, 10);
	}
	fclose(f);
	json_object_object_add(p, "ppid", json_object_new_int64(ppid));
	json_object_object_add(p, "uid", json_object_new_int64(uid));
	snprintf(path, sizeof(path), "/proc/%u/exe", pid);
	n = readlink(path, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	json_object_object_add(p, "exe", json_object_new_string(buf));
	snprintf(path, sizeof(path), "/proc/%u/cmdline", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	if (fd >= 0)
		close(fd);
	if (n < 0)
		n = 0;
	/* Arguments end in NULs: one line, separated by blanks. */
	while (n > 0 && !buf[n - 1])
		n--;
	buf[n] = '\0';
	for (ssize_t i = 0; i < n; i++)
		if (!buf[i])
			buf[i] = ' ';
	json_object_object_add(p, "cmdline", json_object_new_string(buf));
	return p;
}

static bool dg_procs_of(struct json_object *arr, const char *cgroup,
			unsigned int max, int depth)
{
	char path[4096 + 16];
	struct dirent *de;
	unsigned int pid;
	DIR *dir;
	FILE *f;

	snprintf(path, sizeof(path), "%s/cgroup.procs", cgroup);
	f = fopen(path, "re");
	if (!f)
		return true;
	while (fscanf(f, "%u", &pid) == 1) {
		struct json_object *p;

		if (json_object_array_length(arr) >= max) {
			fclose(f);
			return false;
		}
		p = dg_proc(pid);
		if (p)
			json_object_array_add(arr, p);
	}
	fclose(f);
	if (depth >= DG_CAPTURE_DEPTH_MAX)
		return true;
	dir = opendir(cgroup);
	if (!dir)
		return true;
	while ((de = readdir(dir))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", cgroup, de->d_name);
		if (!dg_procs_of(arr, path, max, depth + 1)) {
			closedir(dir);
			return false;
		}
	}
	closedir(dir);
	return true;
}

int dg_capture_procs(struct json_object *doc, const char *cgroup,
		     const struct dg_capture_limits *lim)
{
	struct json_object *arr = json_object_new_array();
	struct stat st;

	if (!arr)
		return -ENOMEM;
	json_object_object_add(doc, "processes", arr);
	if (stat(cgroup, &st))
		return -errno;
	if (!dg_procs_of(arr, cgroup, lim->max_entries, 0))
		dg_capture_truncated(doc, "processes");
	return 0;
}

/* --- the file ----------------------------------------------------------- */

void dg_capture_name(uint64_t ns, const char *who, char *buf, size_t size)
{
	time_t sec = (time_t)(ns / 1000000000ULL);
	char stamp[32], safe[DG_CAPTURE_WHO_MAX];
	struct tm tm;
	size_t i;

	gmtime_r(&sec, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%S", &tm);
	for (i = 0; who[i] && i < sizeof(safe) - 1; i++)
		safe[i] = isalnum((unsigned char)who[i]) || strchr("._-", who[i]) ?
			  who[i] : '_';
	safe[i] = '\0';
	snprintf(buf, size, "%s.%09" PRIu64 "Z-%s.json", stamp,
		 ns % (uint64_t)1000000000, safe);
}

int dg_capture_dir_ready(const char *dir)
{
	struct statvfs vfs;
	struct stat st;
	int err = dg_mkdirs(dir);

	if (err)
		return err;
	if (stat(dir, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (statvfs(dir, &vfs))
		return -errno;
	if (vfs.f_flag & ST_RDONLY)
		return -EROFS;
	/* Room for a small capture at least; root's reserve not counted. */
	if ((uint64_t)vfs.f_bavail * vfs.f_frsize < 64 * 1024 ||
	    (vfs.f_files && !vfs.f_favail))
		return -ENOSPC;
	if (access(dir, W_OK | X_OK))
		return -errno;
	return 0;
}

/* Deletes the oldest capture files (their names sort by time) past @keep. */
static void dg_capture_prune(const char *dir, unsigned int keep)
{
	char **names, path[8192];
	size_t n, i;

	if (dg_capture_names(dir, &names, &n))
		return;
	for (i = 0; i + keep < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	dg_capture_names_free(names, n);
}

int dg_capture_write(const char *dir, const char *name,
		     struct json_object *doc, unsigned int keep)
{
	char tmp[8192], dst[8192];
	const char *text;
	size_t len, off = 0;
	ssize_t n;
	int fd, err = dg_mkdirs(dir);

	if (err)
		return err;
	text = json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN);
	if (!text)
		return -ENOMEM;
	len = strlen(text);
	snprintf(tmp, sizeof(tmp), "%s/.incoming-XXXXXX", dir);
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	while (off < len) {
		n = write(fd, text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? -errno : -EIO;
			break;
		}
		off += (size_t)n;
	}
	if (!err && (write(fd, "\n", 1) != 1 || fsync(fd)))
		err = -errno;
	if (close(fd) && !err)
		err = -errno;
	if (!err && rename(tmp, dst))
		err = -errno;
	if (err) {
		unlink(tmp);
		return err;
	}
	dg_capture_prune(dir, keep);
	return 0;
}

/* --- taking one --------------------------------------------------------- */

/* The overlay of @pid's root, or of another process of @cgroup. */
static int dg_capture_overlay(uint32_t pid, const char *cgroup, char *upper,
			      size_t usize, char *lower, size_t lsize)
{
	char path[4096 + 16];
	unsigned int other;
	int err;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%" PRIu32 "/mountinfo", pid);
	err = pid ? dg_capture_find_overlay(path, upper, usize, lower, lsize) :
		    -ESRCH;
	if (!err || !cgroup[0])
		return err;
	snprintf(path, sizeof(path), "%s/cgroup.procs", cgroup);
	f = fopen(path, "re");
	if (!f)
		return err;
	while (fscanf(f, "%u", &other) == 1) {
		char mi[64];

		if (other == pid)
			continue;
		snprintf(mi, sizeof(mi), "/proc/%u/mountinfo", other);
		err = dg_capture_find_overlay(mi, upper, usize, lower, lsize);
		if (err != -ENOENT && err != -ESRCH)
			break;
	}
	fclose(f);
	return err;
}

int dg_capture_take(struct dg_capture_job *job, char *err, size_t size)
{
	char upper[4096], lower[16384];
	struct json_object *doc = job->doc, *changes;
	struct timespec ts;
	uint64_t used;
	size_t len;
	int ret;

	clock_gettime(CLOCK_REALTIME, &ts);
	dg_record_add_time(doc, "time", (uint64_t)ts.tv_sec * 1000000000ULL +
			   (uint64_t)ts.tv_nsec);
	/* The processes first: they come and go, files stay. */
	ret = dg_capture_procs(doc, job->cgroup, &job->lim);
	if (ret)
		dg_error(doc, "processes of %s: %s", job->cgroup, strerror(-ret));
	ret = dg_capture_overlay(job->pid, job->cgroup, upper, sizeof(upper),
				 lower, sizeof(lower));
	if (ret) {
		dg_error(doc, "rootfs overlay: %s%s", strerror(-ret),
			 ret == -ENOENT ? " (the root is not an overlay with an upperdir)" : "");
		json_object_object_add(doc, "changes", json_object_new_array());
	} else {
		json_object_object_add(doc, "upperdir", json_object_new_string(upper));
		json_object_object_add(doc, "lowerdir", json_object_new_string(lower));
		used = strlen(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN));
		ret = dg_capture_diff(doc, upper, lower, &job->lim,
				      job->lim.max_bytes > used + 1024 ?
				      job->lim.max_bytes - used - 1024 : 0);
		if (ret)
			dg_error(doc, "upperdir %s: %s", upper, strerror(-ret));
	}
	/* Within the bound whatever the estimates said: the last changes go. */
	json_object_object_get_ex(doc, "changes", &changes);
	while ((len = strlen(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PLAIN))) + 1 >
	       job->lim.max_bytes && json_object_array_length(changes)) {
		size_t n = json_object_array_length(changes);

		json_object_array_del_idx(changes, n - (n + 7) / 8, (n + 7) / 8);
		dg_capture_truncated(doc, "changes");
	}
	ret = dg_capture_write(job->dir, job->name, doc, job->keep);
	if (ret)
		snprintf(err, size, "capture %s/%s: cannot write: %s", job->dir,
			 job->name, strerror(-ret));
	return ret;
}

/* --- the thread --------------------------------------------------------- */

static void dg_job_free(struct dg_capture_job *job)
{
	json_object_put(job->doc);
	free(job);
}

static void *dg_capturer_main(void *arg)
{
	struct dg_capturer *c = arg;
	struct dg_capture_job *job;
	char err[8448];
	int ret;

	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->count && !c->stop)
			pthread_cond_wait(&c->cond, &c->lock);
		if (!c->count)
			break;
		job = c->queue[c->head];
		c->head = (c->head + 1) % DG_CAPTURE_QUEUE;
		c->count--;
		c->busy = true;
		pthread_mutex_unlock(&c->lock);

		ret = dg_capture_take(job, err, sizeof(err));
		/* Said once per run of failures, not once per capture. */
		if (ret && !c->failing)
			c->log("%s (further failures not logged until one succeeds)", err);
		else if (!ret && c->failing)
			c->log("capture %s/%s written: captures work again",
			       job->dir, job->name);
		c->failing = ret != 0;
		dg_job_free(job);

		pthread_mutex_lock(&c->lock);
		c->busy = false;
		if (ret)
			c->failed++;
		else
			c->written++;
		pthread_cond_broadcast(&c->cond);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

int dg_capturer_start(struct dg_capturer *c, dg_capture_log_fn log)
{
	int err;

	memset(c, 0, sizeof(*c));
	c->log = log;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->cond, NULL);
	err = pthread_create(&c->thread, NULL, dg_capturer_main, c);
	if (err)
		return -err;
	c->started = true;
	return 0;
}

void dg_capturer_stop(struct dg_capturer *c)
{
	if (!c->started)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	c->started = false;
}

bool dg_capturer_due(struct dg_capturer *c, const char *who, uint64_t now,
		     unsigned int window)
{
	uint64_t span = (uint64_t)window * 1000000000ULL;
	size_t i;

	for (i = 0; i < c->nseen; i++) {
		if (strcmp(c->seen[i].who, who))
			continue;
		if (window && now - c->seen[i].at < span)
			return false;
		c->seen[i].at = now;
		return true;
	}
	/* Full: the slot written longest ago goes (a ring). */
	if (c->nseen < DG_CAPTURE_WHO_MAX)
		i = c->nseen++;
	else
		i = c->next++ % DG_CAPTURE_WHO_MAX;
	snprintf(c->seen[i].who, sizeof(c->seen[i].who), "%s", who);
	c->seen[i].at = now;
	return true;
}

int dg_capturer_queue(struct dg_capturer *c, struct dg_capture_job *job)
{
	pthread_mutex_lock(&c->lock);
	if (!c->started || c->count == DG_CAPTURE_QUEUE) {
		pthread_mutex_unlock(&c->lock);
		return -EBUSY;
	}
	c->queue[(c->head + c->count) % DG_CAPTURE_QUEUE] = job;
	c->count++;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	return 0;
}

void dg_capturer_drain(struct dg_capturer *c)
{
	if (!c->started)
		return;
	pthread_mutex_lock(&c->lock);
	while (c->count || c->busy)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
}
