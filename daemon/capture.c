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

/* --- the upper layer ---------------------------------------------------- */

struct dg_walk {
	struct json_object *changes;
	const char *upper;
	char lowers[16][4096];
	int nlowers;
	const struct dg_capture_limits *lim;
	uint64_t budget, used;
	uint64_t hashed;		/* bytes read for hashes so far */
	bool truncated;
};

static void dg_truncated(struct json_object *doc, const char *what)
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

/* The lower layers, a relative one taken from upperdir's parent's parent. */
static void dg_walk_lowers(struct dg_walk *w, const char *lower)
{
	char base[4096], one[4096], *slash;
	const char *p = lower;
	size_t n;

	snprintf(base, sizeof(base), "%s", w->upper);
	for (n = 0; n < 2 && (slash = strrchr(base, '/')); n++)
		*slash = '\0';
	while (*p && w->nlowers < 16) {
		/* "\:" is a ':' of the path, not a separator. */
		for (n = 0; *p && !(*p == ':' && (p == lower || p[-1] != '\\'));
		     p++)
			if (n < sizeof(one) - 1 && !(*p == '\\' && p[1] == ':'))
				one[n++] = *p;
		one[n] = '\0';
		if (*p)
			p++;
		if (!n)
			continue;
		if (one[0] == '/')
			snprintf(w->lowers[w->nlowers++], sizeof(w->lowers[0]),
				 "%s", one);
		else
			snprintf(w->lowers[w->nlowers++], sizeof(w->lowers[0]),
				 "%.2047s/%.2047s", base, one);
	}
}

/* Whether @rel ("/etc/x") is in a lower layer. */
static bool dg_in_lower(const struct dg_walk *w, const char *rel)
{
	char path[8192];
	struct stat st;
	int i;

	for (i = 0; i < w->nlowers; i++) {
		snprintf(path, sizeof(path), "%s%s", w->lowers[i], rel);
		if (!lstat(path, &st))
			return true;
	}
	return false;
}

/* Whether @name in directory @dfd has xattr @attr with the value "y". */
static bool dg_xattr_y(int dfd, const char *name, const char *attr)
{
	char path[4400], v[4];

	snprintf(path, sizeof(path), "/proc/self/fd/%d/%s", dfd, name);
	return lgetxattr(path, attr, v, sizeof(v)) == 1 && v[0] == 'y';
}

static bool dg_has_xattr(int dfd, const char *name, const char *attr)
{
	char path[4400];

	snprintf(path, sizeof(path), "/proc/self/fd/%d/%s", dfd, name);
	return lgetxattr(path, attr, NULL, 0) >= 0;
}

/* The SHA-256 of the regular file @fd of @size bytes; false if unread. */
static bool dg_sha256_fd(int fd, uint64_t size, char *hex)
{
	unsigned char md[EVP_MAX_MD_SIZE], buf[64 * 1024];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	uint64_t total = 0;
	bool ok = false;
	ssize_t n;

	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL))
		goto out;
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || !EVP_DigestUpdate(ctx, buf, (size_t)n))
			goto out;
		total += (uint64_t)n;
		if (total > size)	/* it grew: not the file stat saw */
			goto out;
	}
	if (total == size && EVP_DigestFinal_ex(ctx, md, &mdlen) &&
	    mdlen == DG_HASH_HEX / 2) {
		dg_hex_encode(md, mdlen, hex);
		ok = true;
	}
out:
	EVP_MD_CTX_free(ctx);
	return ok;
}

static const char *dg_type_name(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG: return "file";
	case S_IFDIR: return "dir";
	case S_IFLNK: return "symlink";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "socket";
	case S_IFCHR: return "char";
	case S_IFBLK: return "block";
	default: return "other";
	}
}

/* An executable or a library: an x bit, or the ELF magic. */
static bool dg_worth_hashing(int fd, mode_t mode)
{
	unsigned char magic[4];

	if (mode & 0111)
		return true;
	return pread(fd, magic, 4, 0) == 4 && !memcmp(magic, "\177ELF", 4);
}

static void dg_hash_entry(struct dg_walk *w, struct json_object *e, int dfd,
			  const char *name, const struct stat *st)
{
	char hex[DG_HASH_HEX + 1];
	int fd;

	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
		    O_NOCTTY);
	if (fd < 0)
		return;
	if (!dg_worth_hashing(fd, st->st_mode)) {
		close(fd);
		return;
	}
	if ((uint64_t)st->st_size > DG_CAPTURE_HASH_MAX) {
		json_object_object_add(e, "sha256_skipped",
				       json_object_new_string("larger than 64 MiB"));
	} else if (w->hashed + (uint64_t)st->st_size > DG_CAPTURE_HASH_TOTAL) {
		json_object_object_add(e, "sha256_skipped",
				       json_object_new_string("the capture hashed 1 GiB already"));
	} else {
		w->hashed += (uint64_t)st->st_size;
		if (dg_sha256_fd(fd, (uint64_t)st->st_size, hex))
			json_object_object_add(e, "sha256",
					       json_object_new_string(hex));
	}
	close(fd);
}

/* Adds one change; false when a bound is reached. */
static bool dg_walk_add(struct dg_walk *w, int dfd, const char *name,
			const char *rel, const struct stat *st,
			const char *change)
{
	struct json_object *e = json_object_new_object();
	char mode[16], target[4096];
	bool metacopy = false;
	ssize_t n;

	if (!e)
		return false;
	if (json_object_array_length(w->changes) >= w->lim->max_entries) {
		json_object_put(e);
		w->truncated = true;
		return false;
	}
	json_object_object_add(e, "path", json_object_new_string(rel));
	json_object_object_add(e, "change", json_object_new_string(change));
	if (strcmp(change, "deleted")) {
		json_object_object_add(e, "type",
				       json_object_new_string(dg_type_name(st->st_mode)));
		json_object_object_add(e, "size", json_object_new_int64(st->st_size));
		snprintf(mode, sizeof(mode), "%04o", (unsigned int)(st->st_mode & 07777));
		json_object_object_add(e, "mode", json_object_new_string(mode));
		json_object_object_add(e, "uid", json_object_new_uint64(st->st_uid));
		json_object_object_add(e, "gid", json_object_new_uint64(st->st_gid));
		dg_record_add_time(e, "mtime",
				   (uint64_t)st->st_mtim.tv_sec * 1000000000ULL +
				   (uint64_t)st->st_mtim.tv_nsec);
	}
	if (S_ISLNK(st->st_mode)) {
		n = readlinkat(dfd, name, target, sizeof(target) - 1);
		if (n >= 0) {
			target[n] = '\0';
			json_object_object_add(e, "target",
					       json_object_new_string(target));
		}
	} else if (S_ISREG(st->st_mode)) {
		metacopy = dg_has_xattr(dfd, name, "trusted.overlay.metacopy") ||
			   dg_has_xattr(dfd, name, "user.overlay.metacopy");
		/* A metacopy's data is the lower file's: nothing to hash here. */
		if (metacopy)
			json_object_object_add(e, "metacopy",
					       json_object_new_boolean(true));
		else
			dg_hash_entry(w, e, dfd, name, st);
	}
	w->used += strlen(json_object_to_json_string_ext(e, JSON_C_TO_STRING_PLAIN)) + 1;
	if (w->used > w->budget) {
		json_object_put(e);
		w->truncated = true;
		return false;
	}
	json_object_array_add(w->changes, e);
	return true;
}

/* Walks directory @dfd (@rel in the container, "" for "/"); consumes @dfd. */
static bool dg_walk_dir(struct dg_walk *w, int dfd, const char *rel, int depth)
{
	char path[4096];
	struct dirent *de;
	struct stat st;
	bool go = true;
	DIR *dir;
	int sub;

	dir = fdopendir(dfd);
	if (!dir) {
		close(dfd);
		return true;
	}
	while (go && (de = readdir(dir))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW))
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", rel, de->d_name) >=
		    (int)sizeof(path))
			continue;
		if (S_ISCHR(st.st_mode) && st.st_rdev == makedev(0, 0)) {
			go = dg_walk_add(w, dfd, de->d_name, path, &st, "deleted");
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			go = dg_walk_add(w, dfd, de->d_name, path, &st,
					 dg_in_lower(w, path) ? "modified" : "added");
			continue;
		}
		if (dg_xattr_y(dfd, de->d_name, "trusted.overlay.opaque") ||
		    dg_xattr_y(dfd, de->d_name, "user.overlay.opaque"))
			go = dg_walk_add(w, dfd, de->d_name, path, &st, "opaque");
		else if (!dg_in_lower(w, path))
			go = dg_walk_add(w, dfd, de->d_name, path, &st, "added");
		if (!go || depth >= DG_CAPTURE_DEPTH_MAX)
			continue;
		sub = openat(dfd, de->d_name, O_RDONLY | O_DIRECTORY |
			     O_NOFOLLOW | O_CLOEXEC);
		if (sub >= 0)
			go = dg_walk_dir(w, sub, path, depth + 1);
	}
	closedir(dir);
	return go;
}

static int dg_change_cmp(const void *a, const void *b)
{
	struct json_object *const *x = a, *const *y = b, *px, *py;

	json_object_object_get_ex(*x, "path", &px);
	json_object_object_get_ex(*y, "path", &py);
	return strcmp(json_object_get_string(px), json_object_get_string(py));
}

int dg_capture_diff(struct json_object *doc, const char *upper,
		    const char *lower, const struct dg_capture_limits *lim,
		    uint64_t budget)
{
	struct dg_walk *w = calloc(1, sizeof(*w));
	int dfd, err = 0;

	if (!w)
		return -ENOMEM;
	w->upper = upper;
	w->lim = lim;
	w->budget = budget;
	w->changes = json_object_new_array();
	if (!w->changes) {
		free(w);
		return -ENOMEM;
	}
	dg_walk_lowers(w, lower ? lower : "");
	json_object_object_add(doc, "changes", w->changes);
	dfd = open(upper, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		err = -errno;
	else
		dg_walk_dir(w, dfd, "", 0);
	json_object_array_sort(w->changes, dg_change_cmp);
	if (w->truncated)
		dg_truncated(doc, "changes");
	free(w);
	return err;
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
		dg_truncated(doc, "processes");
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
		dg_truncated(doc, "changes");
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
