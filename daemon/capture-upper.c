// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard userspace: the capture's list of what changed in a drifted
 * container's upper layer, each entry checked against the lower layers and
 * hashed within the capture's limits.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <openssl/evp.h>

#include "capture.h"
#include "evlog.h"
#include "hex.h"
#include "record.h"

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
		dg_capture_truncated(doc, "changes");
	free(w);
	return err;
}
