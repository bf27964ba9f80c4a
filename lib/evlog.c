// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the tamper-evident JSON-lines event log. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <openssl/evp.h>

#include "evlog.h"
#include "hex.h"
#include "names.h"
#include "record.h"

#define DG_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"
/* Step for reading a file backwards, looking for the start of its last line. */
#define DG_TAIL_CHUNK 4096

struct dg_evlog {
	char *path;
	int fd;
	bool stream;			/* a pipe or terminal: append only */
	dev_t dev;
	ino_t ino;
	char head[DG_HASH_HEX + 1];	/* hash of the last line written */
};

static int dg_sha256_hex(const void *data, size_t len, char *hex)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen;

	if (!EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) ||
	    mdlen * 2 != DG_HASH_HEX)
		return -EIO;
	dg_hex_encode(md, mdlen, hex);
	return 0;
}

static bool dg_is_hash(const char *s)
{
	return strnlen(s, DG_HASH_HEX + 1) == DG_HASH_HEX &&
	       dg_hex_is_lower(s, DG_HASH_HEX);
}

/* --- records ------------------------------------------------------------ */

static void dg_add_str(struct json_object *o, const char *key, const char *s)
{
	json_object_object_add(o, key, json_object_new_string(s ? s : ""));
}

struct json_object *dg_event_json(const struct dg_nl_event *ev)
{
	struct json_object *o = json_object_new_object();
	const char *manager;

	if (!o)
		return NULL;
	/* The names and types of `driftctl events --json`. */
	dg_record_add_time(o, "time", ev->time);
	dg_add_str(o, "action", dg_action_name(ev->action));
	dg_add_str(o, "class", dg_class_name(ev->class));
	dg_add_str(o, "hook", dg_hook_name(ev->hook));
	manager = dg_event_manager(ev->class, ev->path);
	if (manager)
		dg_add_str(o, "manager", manager);
	json_object_object_add(o, "pid", json_object_new_int64(ev->pid));
	json_object_object_add(o, "tgid", json_object_new_int64(ev->tgid));
	json_object_object_add(o, "ppid", json_object_new_int64(ev->ppid));
	json_object_object_add(o, "uid", json_object_new_int64(ev->uid));
	json_object_object_add(o, "gid", json_object_new_int64(ev->gid));
	dg_add_str(o, "comm", ev->comm);
	dg_add_str(o, "path", ev->path);
	dg_add_str(o, "filename", ev->filename);
	dg_add_str(o, "interpreter", ev->interpreter);
	dg_add_str(o, "cgroup", ev->cgroup);
	json_object_object_add(o, "cgroup_id", json_object_new_uint64(ev->cgroup_id));
	json_object_object_add(o, "policy_cgroup_id",
			       json_object_new_uint64(ev->policy_cgroup_id));
	json_object_object_add(o, "dev", json_object_new_int64(ev->dev));
	json_object_object_add(o, "ino", json_object_new_uint64(ev->ino));
	if (ev->addr) {
		dg_add_str(o, "protocol", dg_proto_name(ev->proto));
		dg_add_str(o, "address", ev->addr);
		json_object_object_add(o, "port", json_object_new_int64(ev->port));
	}
	if (ev->container) {
		dg_add_str(o, "runtime", dg_runtime_name(ev->container->runtime));
		dg_add_str(o, "container_id", ev->container->id);
		if (ev->container->pod_uid[0])
			dg_add_str(o, "pod_uid", ev->container->pod_uid);
	}
	return o;
}

/* --- writing ------------------------------------------------------------ */

/* The offset just past the last '\n' before @end, or 0 when there is none. */
static int dg_line_start(int fd, off_t end, off_t *start)
{
	char buf[DG_TAIL_CHUNK];
	const char *nl;
	off_t pos = end;
	ssize_t n;
	size_t len;

	while (pos > 0) {
		len = pos < DG_TAIL_CHUNK ? (size_t)pos : DG_TAIL_CHUNK;
		pos -= len;
		n = pread(fd, buf, len, pos);
		if (n < 0)
			return -errno;
		if ((size_t)n != len)
			return -EIO;	/* shrunk under us: we hold the lock */
		nl = memrchr(buf, '\n', len);
		if (nl) {
			*start = pos + (nl - buf) + 1;
			return 0;
		}
	}
	*start = 0;
	return 0;
}

/*
 * Sets @head to the hash of the file's last line, cutting off a torn last
 * line first. An empty file leaves @head alone: the caller decides whether
 * it starts a chain or continues one from before a rotation.
 */
static int dg_evlog_tail(int fd, char *head)
{
	struct stat st;
	off_t start;
	char last, *line;
	ssize_t n;
	int err;

	if (fstat(fd, &st))
		return -errno;
	if (!st.st_size)
		return 0;
	if (pread(fd, &last, 1, st.st_size - 1) != 1)
		return -EIO;
	if (last != '\n') {
		err = dg_line_start(fd, st.st_size, &start);
		if (err)
			return err;
		if (ftruncate(fd, start))
			return -errno;
		st.st_size = start;
		if (!st.st_size)
			return 0;
	}
	err = dg_line_start(fd, st.st_size - 1, &start);
	if (err)
		return err;
	line = malloc(st.st_size - 1 - start + 1);
	if (!line)
		return -ENOMEM;
	n = pread(fd, line, st.st_size - 1 - start, start);
	if (n != st.st_size - 1 - start)
		err = n < 0 ? -errno : -EIO;
	else
		err = dg_sha256_hex(line, n, head);
	free(line);
	return err;
}

/* Opens and locks @path; sets *st to what was opened. */
static int dg_evlog_openfd(const char *path, struct stat *st)
{
	int fd, err;

	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0)
		return -errno;
	if (fstat(fd, st)) {
		err = -errno;
		goto fail;
	}
	if (!S_ISREG(st->st_mode)) {
		err = -EINVAL;
		goto fail;
	}
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		err = -errno;
		goto fail;
	}
	return fd;
fail:
	close(fd);
	return err;
}

int dg_evlog_open(const char *path, struct dg_evlog **out)
{
	struct dg_evlog *log;
	struct stat st;
	int err;

	log = calloc(1, sizeof(*log));
	if (!log)
		return -ENOMEM;
	log->path = strdup(path);
	if (!log->path) {
		err = -ENOMEM;
		goto fail_path;
	}
	log->fd = dg_evlog_openfd(path, &st);
	if (log->fd < 0) {
		err = log->fd;
		goto fail_open;
	}
	memcpy(log->head, DG_GENESIS, sizeof(log->head));
	err = dg_evlog_tail(log->fd, log->head);
	if (err)
		goto fail_tail;
	log->dev = st.st_dev;
	log->ino = st.st_ino;
	*out = log;
	return 0;

fail_tail:
	close(log->fd);
fail_open:
	free(log->path);
fail_path:
	free(log);
	return err;
}

int dg_evlog_open_stream(int fd, const char *name, struct dg_evlog **out)
{
	struct dg_evlog *log;

	log = calloc(1, sizeof(*log));
	if (!log)
		return -ENOMEM;
	log->path = strdup(name);
	if (!log->path) {
		free(log);
		return -ENOMEM;
	}
	log->fd = fd;
	log->stream = true;
	memcpy(log->head, DG_GENESIS, sizeof(log->head));
	*out = log;
	return 0;
}

/* Where @path's directory is, and whether the daemon could make the file. */
static int dg_evlog_check_dir(const char *path)
{
	char dir[4096], *slash;
	struct stat st;

	if (snprintf(dir, sizeof(dir), "%s", path) >= (int)sizeof(dir))
		return -ENAMETOOLONG;
	slash = strrchr(dir, '/');
	if (!slash)
		return -EINVAL;
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (stat(dir, &st)) {
		if (errno != ENOENT)
			return -errno;
		/* driftguardd makes the last directory (mkdir 0750), no more. */
		slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else if (slash)
			*slash = '\0';
		if (stat(dir, &st))
			return -errno;
	}
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	return access(dir, W_OK | X_OK) ? -errno : 0;
}

int dg_evlog_check(const char *path)
{
	struct stat st;
	int fd;

	if (path[0] != '/')
		return -EINVAL;
	if (lstat(path, &st))
		return errno == ENOENT ? dg_evlog_check_dir(path) : -errno;
	if (S_ISLNK(st.st_mode))
		return -ELOOP;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode))
		return -EINVAL;
	/* Not O_CREAT, not locked: a running daemon keeps its lock. */
	fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC |
		  O_NOCTTY);
	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

void dg_evlog_close(struct dg_evlog *log)
{
	if (!log)
		return;
	/* A stream (stdout) is the process's, not ours to close. */
	if (!log->stream)
		close(log->fd);
	free(log->path);
	free(log);
}

int dg_evlog_reopen(struct dg_evlog *log)
{
	char head[DG_HASH_HEX + 1];
	struct stat st;
	int fd, err;

	if (log->stream)
		return 0;
	/*
	 * Not rotated, or truncated in place (copytruncate): the file we hold
	 * is the one at the path, and our lock would refuse a second open.
	 */
	if (!stat(log->path, &st) && st.st_dev == log->dev && st.st_ino == log->ino)
		return 0;
	fd = dg_evlog_openfd(log->path, &st);
	if (fd < 0)
		return fd;
	/* An empty new file continues the chain of the rotated one. */
	memcpy(head, log->head, sizeof(head));
	err = dg_evlog_tail(fd, head);
	if (err) {
		close(fd);
		return err;
	}
	close(log->fd);
	log->fd = fd;
	log->dev = st.st_dev;
	log->ino = st.st_ino;
	memcpy(log->head, head, sizeof(head));
	return 0;
}

int dg_evlog_rotate(struct dg_evlog *log, unsigned int keep)
{
	size_t len = strlen(log->path) + 32;
	char *from, *to, *fresh;
	struct stat st;
	unsigned int i;
	int fd = -1, err = 0;

	if (log->stream)
		return -EOPNOTSUPP;
	from = malloc(len);
	to = malloc(len);
	fresh = malloc(len);
	if (!from || !to || !fresh) {
		err = -ENOMEM;
		goto out;
	}
	/*
	 * Nothing is renamed until the new file exists and the live one has
	 * moved aside: a rotation that cannot finish loses no rotated file.
	 */
	snprintf(fresh, len, "%s.new-XXXXXX", log->path);
	fd = mkostemp(fresh, O_CLOEXEC | O_APPEND);
	if (fd < 0 || fchmod(fd, 0640) || flock(fd, LOCK_EX | LOCK_NB) ||
	    fstat(fd, &st)) {
		err = -errno;
		goto out_fresh;
	}
	snprintf(to, len, "%s.rotating", log->path);
	if (rename(log->path, to)) {
		err = -errno;
		goto out_fresh;
	}
	for (i = keep; i > 1; i--) {
		snprintf(from, len, "%s.%u", log->path, i - 1);
		snprintf(to, len, "%s.%u", log->path, i);
		/* A gap in the numbers (ENOENT) is no reason to stop. */
		rename(from, to);
	}
	snprintf(from, len, "%s.rotating", log->path);
	snprintf(to, len, "%s.1", log->path);
	if (rename(from, to) || rename(fresh, log->path)) {
		/* Keep writing where we were rather than lose records. */
		err = -errno;
		goto out_fresh;
	}
	close(log->fd);
	log->fd = fd;
	log->dev = st.st_dev;
	log->ino = st.st_ino;
	fd = -1;
	goto out;
out_fresh:
	if (fd >= 0) {
		close(fd);
		unlink(fresh);
	}
	fd = -1;
out:
	free(from);
	free(to);
	free(fresh);
	return err;
}

uint64_t dg_evlog_size(const struct dg_evlog *log)
{
	struct stat st;

	if (log->stream)
		return 0;
	return fstat(log->fd, &st) ? 0 : (uint64_t)st.st_size;
}

const char *dg_evlog_head(const struct dg_evlog *log)
{
	return log->head;
}

int dg_evlog_append_json(struct dg_evlog *log, struct json_object *o)
{
	char head[DG_HASH_HEX + 1];
	const char *s;
	struct stat st;
	size_t len, done = 0;
	ssize_t n;
	char *line;
	int err;

	json_object_object_add(o, "prev", json_object_new_string(log->head));
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					   JSON_C_TO_STRING_NOSLASHESCAPE);
	if (!s)
		return -ENOMEM;
	/* json-c escapes control characters: the record is one line. */
	len = strlen(s);
	err = dg_sha256_hex(s, len, head);
	if (err)
		return err;
	line = malloc(len + 1);
	if (!line)
		return -ENOMEM;
	memcpy(line, s, len);
	line[len++] = '\n';

	if (!log->stream && fstat(log->fd, &st)) {
		err = -errno;
		goto out;
	}
	while (done < len) {
		n = write(log->fd, line + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err = n < 0 ? -errno : -EIO;
			/*
			 * Leave no torn record for the next one to chain to:
			 * a file is cut back; a stream cannot be, so the torn
			 * line is ended there, and verify-log names it.
			 */
			if (done && log->stream)
				(void)!write(log->fd, "\n", 1);
			else if (done && ftruncate(log->fd, st.st_size))
				err = -errno;
			goto out;
		}
		done += n;
	}
	memcpy(log->head, head, sizeof(head));
out:
	free(line);
	return err;
}

int dg_evlog_append(struct dg_evlog *log, const struct dg_nl_event *ev)
{
	struct json_object *o = dg_event_json(ev);
	int err;

	if (!o)
		return -ENOMEM;
	err = dg_evlog_append_json(log, o);
	json_object_put(o);
	return err;
}

/* --- verifying ---------------------------------------------------------- */

/* Copies the prev of the record @line (@len bytes), or says @why not. */
static bool dg_record_prev(const char *line, size_t len, char *prev,
			   const char **why)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o = NULL, *p;
	bool ok = false;

	if (!tok) {
		*why = "cannot be parsed (out of memory)";
		return false;
	}
	o = json_tokener_parse_ex(tok, line, (int)len);
	if (!o || json_tokener_get_error(tok) != json_tokener_success ||
	    json_tokener_get_parse_end(tok) != len ||
	    !json_object_is_type(o, json_type_object)) {
		*why = "is not a JSON object (garbage, or a cut-off record)";
	} else if (!json_object_object_get_ex(o, "prev", &p)) {
		*why = "has no prev field";
	} else if (!json_object_is_type(p, json_type_string) ||
		   !dg_is_hash(json_object_get_string(p))) {
		*why = "has a prev that is not a SHA-256 in lowercase hex";
	} else {
		memcpy(prev, json_object_get_string(p), DG_HASH_HEX + 1);
		ok = true;
	}
	json_object_put(o);
	json_tokener_free(tok);
	return ok;
}

int dg_evlog_verify(FILE *f, struct dg_verify_result *r)
{
	char prev[DG_HASH_HEX + 1];
	const char *why;
	size_t cap = 0;
	char *line = NULL;
	ssize_t n;
	int err = 0;

	memset(r, 0, sizeof(*r));
	r->status = DG_VERIFY_INTACT;
	errno = 0;
	while ((n = getline(&line, &cap, f)) > 0) {
		unsigned long nr = ++r->records;

		if (line[n - 1] != '\n') {
			r->status = DG_VERIFY_TRUNCATED;
			r->line = nr;
			snprintf(r->reason, sizeof(r->reason),
				 "line %lu is incomplete: no newline at the end "
				 "(a write cut short, or an edit)", nr);
			break;
		}
		line[--n] = '\0';
		if (!dg_record_prev(line, n, prev, &why)) {
			r->status = DG_VERIFY_GARBLED;
			r->line = nr;
			snprintf(r->reason, sizeof(r->reason), "line %lu %s",
				 nr, why);
			break;
		}
		if (nr == 1) {
			memcpy(r->first_prev, prev, sizeof(prev));
		} else if (strcmp(prev, r->last_hash)) {
			/*
			 * All that is known: line nr's prev is not the hash
			 * of line nr - 1. Either that line changed, or lines
			 * between them went, or lines moved.
			 */
			r->status = DG_VERIFY_BROKEN;
			r->line = nr - 1;
			snprintf(r->reason, sizeof(r->reason),
				 "record %lu was edited, or records after it were "
				 "deleted or reordered (record %lu does not chain "
				 "to it)", nr - 1, nr);
			break;
		}
		err = dg_sha256_hex(line, n, r->last_hash);
		if (err)
			break;
	}
	if (!err && ferror(f))
		err = errno ? -errno : -EIO;
	free(line);
	if (err)
		return err;
	return r->status == DG_VERIFY_INTACT ? 0 : -EBADMSG;
}
