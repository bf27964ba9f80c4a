// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: what a record says besides the kernel's event. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <uuid/uuid.h>

#include "container.h"
#include "names.h"
#include "record.h"

#define NSEC_PER_SEC		1000000000ULL
/* A bigger /etc/passwd is not read: the event loop must not stall on it. */
#define DG_PASSWD_MAX		(1 << 20)
#define DG_USER_MAX		256

int dg_rfc3339(uint64_t ns, char *buf, size_t size)
{
	time_t sec = (time_t)(ns / NSEC_PER_SEC);
	struct tm tm;
	size_t len;
	int n;

	if (!gmtime_r(&sec, &tm))
		return -EINVAL;
	len = strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!len)
		return -EINVAL;
	n = snprintf(buf + len, size - len, ".%09uZ",
		     (unsigned int)(ns % NSEC_PER_SEC));
	return n < 0 || (size_t)n >= size - len ? -EINVAL : 0;
}

void dg_record_add_time(struct json_object *o, const char *key, uint64_t ns)
{
	char stamp[DG_RFC3339_MAX], nskey[64];

	if (dg_rfc3339(ns, stamp, sizeof(stamp)))
		stamp[0] = '\0';
	snprintf(nskey, sizeof(nskey), "%s_ns", key);
	json_object_object_add(o, key, json_object_new_string(stamp));
	json_object_object_add(o, nskey, json_object_new_uint64(ns));
}

void dg_record_stamp(struct json_object *o, const struct dg_record_env *env)
{
	char host[256] = "", id[DG_UUID_MAX];
	uuid_t u;

	if (env && env->node)
		snprintf(host, sizeof(host), "%s", env->node);
	else if (gethostname(host, sizeof(host) - 1))
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	uuid_generate_random(u);
	uuid_unparse_lower(u, id);
	json_object_object_add(o, "node", json_object_new_string(host));
	json_object_object_add(o, "uuid", json_object_new_string(id));
}

/* --- the process --------------------------------------------------------- */

static const char *dg_proc(const struct dg_record_env *env)
{
	return env && env->proc ? env->proc : "/proc";
}

/* readlink of <proc>/<pid>/<what> into @buf; "" when it cannot be read. */
static void dg_proc_readlink(const struct dg_record_env *env, uint32_t pid,
			     const char *what, char *buf, size_t size)
{
	char path[128];
	ssize_t n;

	buf[0] = '\0';
	if (!pid)
		return;
	snprintf(path, sizeof(path), "%s/%" PRIu32 "/%s", dg_proc(env), pid, what);
	n = readlink(path, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
}

/*
 * As dg_proc_readlink, but as the process sees the path: a process chrooted
 * below its mount namespace's root (a chroot, not a pivot_root) has
 * /proc/<pid>/root point at a directory, and its links are shown from above
 * it; that directory is cut off, as in the kernel's "path".
 */
static void dg_proc_link(const struct dg_record_env *env, uint32_t pid,
			 const char *what, char *buf, size_t size)
{
	char root[4096];
	size_t len;

	dg_proc_readlink(env, pid, what, buf, size);
	if (!buf[0])
		return;
	dg_proc_readlink(env, pid, "root", root, sizeof(root));
	len = strlen(root);
	if (len > 1 && root[0] == '/' && !strncmp(buf, root, len) &&
	    (buf[len] == '/' || !buf[len])) {
		memmove(buf, buf + len, strlen(buf + len) + 1);
		if (!buf[0])
			strcpy(buf, "/");
	}
}

/*
 * Reads at most @size - 1 bytes of the regular file @fd into @buf (NUL
 * terminated). Returns the bytes read, or -errno. Closes @fd.
 */
static ssize_t dg_read_small(int fd, char *buf, size_t size)
{
	size_t done = 0;
	ssize_t n = 0;

	if (fd < 0)
		return fd;
	while (done < size - 1) {
		n = read(fd, buf + done, size - 1 - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	close(fd);
	buf[done] = '\0';
	return n < 0 ? -errno : (ssize_t)done;
}

/* /proc/<pid>/cmdline with its NULs as blanks; "" when unreadable. */
static void dg_proc_cmdline(const struct dg_record_env *env, uint32_t pid,
			    char *buf, size_t size)
{
	char path[128];
	ssize_t n, i;

	buf[0] = '\0';
	if (!pid)
		return;
	snprintf(path, sizeof(path), "%s/%" PRIu32 "/cmdline", dg_proc(env), pid);
	n = dg_read_small(open(path, O_RDONLY | O_CLOEXEC), buf, size);
	if (n <= 0) {
		buf[0] = '\0';
		return;
	}
	while (n > 0 && buf[n - 1] == '\0')
		n--;
	buf[n] = '\0';
	for (i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
}

/*
 * The uid @uid (of the initial user namespace) as process @pid's user
 * namespace sees it, from its uid_map. Returns 0 or -ENOENT (unmapped, or
 * the map cannot be read).
 */
static int dg_uid_in_ns(const struct dg_record_env *env, uint32_t pid,
			uint32_t uid, uint32_t *out)
{
	char path[128], map[4096], *line, *save = NULL;
	unsigned long inside, outside, count;

	snprintf(path, sizeof(path), "%s/%" PRIu32 "/uid_map", dg_proc(env), pid);
	if (dg_read_small(open(path, O_RDONLY | O_CLOEXEC), map, sizeof(map)) < 0)
		return -ENOENT;
	for (line = strtok_r(map, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (sscanf(line, "%lu %lu %lu", &inside, &outside, &count) != 3)
			continue;
		if (uid >= outside && uid - outside < count) {
			*out = (uint32_t)(inside + (uid - outside));
			return 0;
		}
	}
	return -ENOENT;
}

/*
 * Opens /etc/passwd inside process @pid's root: its symlinks resolve in its
 * root, never on the host; a FIFO or device put there is not read.
 */
static int dg_open_passwd_in_root(const struct dg_record_env *env, uint32_t pid)
{
	struct open_how how = {
		.flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	char root[128];
	int dfd, fd;

	snprintf(root, sizeof(root), "%s/%" PRIu32 "/root", dg_proc(env), pid);
	dfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	fd = (int)syscall(SYS_openat2, dfd, "etc/passwd", &how, sizeof(how));
	if (fd < 0)
		fd = -errno;
	close(dfd);
	return fd;
}

/* The name of @uid in the passwd file @fd (closed here). */
static int dg_passwd_fd_name(int fd, uint32_t uid, char *name, size_t size)
{
	struct stat st;
	char *text;
	ssize_t n;
	int err;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > DG_PASSWD_MAX) {
		close(fd);
		return -EINVAL;
	}
	text = malloc((size_t)st.st_size + 1);
	if (!text) {
		close(fd);
		return -ENOMEM;
	}
	n = dg_read_small(fd, text, (size_t)st.st_size + 1);
	err = n < 0 ? (int)n : dg_passwd_name(text, (size_t)n, uid, name, size);
	free(text);
	return err;
}

int dg_passwd_name(const char *text, size_t len, uint32_t uid, char *name,
		   size_t size)
{
	const char *line = text, *end = text + len, *nl, *c1, *c2, *c3;
	char num[16];
	size_t n;

	snprintf(num, sizeof(num), "%" PRIu32, uid);
	for (; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			nl = end;
		/* name:password:uid:... */
		c1 = memchr(line, ':', (size_t)(nl - line));
		c2 = c1 ? memchr(c1 + 1, ':', (size_t)(nl - c1 - 1)) : NULL;
		c3 = c2 ? memchr(c2 + 1, ':', (size_t)(nl - c2 - 1)) : NULL;
		if (!c3 || c1 == line || line[0] == '#')
			continue;
		n = (size_t)(c3 - c2 - 1);
		if (n != strlen(num) || memcmp(c2 + 1, num, n))
			continue;
		n = (size_t)(c1 - line);
		if (n >= size)
			continue;
		memcpy(name, line, n);
		name[n] = '\0';
		return 0;
	}
	return -ENOENT;
}

static void dg_user_name(const struct dg_record_env *env, uint32_t tgid,
			 uint32_t uid, int in_container, char *name, size_t size)
{
	uint32_t nsuid;
	int fd;

	fd = tgid ? dg_open_passwd_in_root(env, tgid) : -ENOENT;
	if (fd >= 0) {
		if (!dg_uid_in_ns(env, tgid, uid, &nsuid) &&
		    !dg_passwd_fd_name(fd, nsuid, name, size))
			return;
		fd = -ENOENT;
	}
	/* The process's own database said nothing; the host's is its own. */
	if (fd == -ENOENT && !in_container) {
		fd = open(env && env->host_passwd ? env->host_passwd : "/etc/passwd",
			  O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		if (!dg_passwd_fd_name(fd < 0 ? -errno : fd, uid, name, size))
			return;
	}
	snprintf(name, size, "%" PRIu32, uid);
}

void dg_record_process(struct json_object *o, const struct dg_record_env *env,
		       uint32_t tgid, uint32_t ppid, uint32_t uid,
		       int in_container)
{
	char buf[DG_CMDLINE_MAX > 4096 ? DG_CMDLINE_MAX : 4096];
	char user[DG_USER_MAX];

	dg_proc_link(env, tgid, "exe", buf, sizeof(buf));
	json_object_object_add(o, "exe", json_object_new_string(buf));
	dg_proc_cmdline(env, tgid, buf, DG_CMDLINE_MAX);
	json_object_object_add(o, "cmdline", json_object_new_string(buf));
	dg_proc_link(env, tgid, "cwd", buf, sizeof(buf));
	json_object_object_add(o, "cwd", json_object_new_string(buf));
	dg_proc_link(env, ppid, "exe", buf, sizeof(buf));
	json_object_object_add(o, "parent_exe", json_object_new_string(buf));
	dg_user_name(env, tgid, uid, in_container, user, sizeof(user));
	json_object_object_add(o, "user", json_object_new_string(user));
}

struct json_object *dg_record_base(const struct dg_nl_event *ev)
{
	struct dg_nl_event e = *ev;
	struct dg_container ctr;

	if (!e.container && e.cgroup && e.cgroup[0] &&
	    !dg_container_from_cgroup(e.cgroup, &ctr))
		e.container = &ctr;
	return dg_event_json(&e);
}

void dg_record_complete(struct json_object *o, const struct dg_nl_event *ev,
			const struct dg_record_env *env)
{
	dg_record_stamp(o, env);
	dg_record_process(o, env, ev->tgid, ev->ppid, ev->uid,
			  json_object_object_get_ex(o, "container_id", NULL));
}

struct json_object *dg_record_event(const struct dg_nl_event *ev,
				    const struct dg_record_env *env)
{
	struct json_object *o = dg_record_base(ev);

	if (o)
		dg_record_complete(o, ev, env);
	return o;
}

/* --- messages ------------------------------------------------------------ */

bool dg_record_hardening_what(int class, const char *path, char *buf,
			      size_t size)
{
	const char *p = path ? path : "";

	switch (class) {
	case DRIFTGUARD_CLASS_USERNS:
		snprintf(buf, size, "user namespace creation");
		return true;
	case DRIFTGUARD_CLASS_EXECMEM:
		/* The kernel names the file of a private file mapping only. */
		if (p[0])
			snprintf(buf, size, "executable memory in a written "
				 "private mapping of %s", p);
		else
			snprintf(buf, size, "executable anonymous memory");
		return true;
	case DRIFTGUARD_CLASS_PROCMEM:
		snprintf(buf, size, "write-open of %s", p[0] ? p : "a /proc/<pid>/mem");
		return true;
	}
	if (size)
		buf[0] = '\0';
	return false;
}

bool dg_record_endpoint(const struct dg_nl_event *ev, char *buf, size_t size)
{
	if (!ev->addr) {
		if (size)
			buf[0] = '\0';
		return false;
	}
	snprintf(buf, size, strchr(ev->addr, ':') ? "%s [%s]:%" PRIu32 :
		 "%s %s:%" PRIu32, dg_proto_name(ev->proto), ev->addr, ev->port);
	return true;
}

void dg_record_message(const struct dg_nl_event *ev, char *buf, size_t size)
{
	char what[4200];
	const char *comm = ev->comm ? ev->comm : "";

	if (dg_record_endpoint(ev, what, sizeof(what))) {
		snprintf(buf, size, "%s %s %s: %s by %s[%" PRIu32 "]",
			 dg_action_name(ev->action), dg_class_name(ev->class),
			 dg_hook_name(ev->hook), what, comm, ev->tgid);
		return;
	}

	if (!dg_record_hardening_what(ev->class, ev->path, what, sizeof(what))) {
		snprintf(buf, size, "%s %s %s: %s", dg_action_name(ev->action),
			 dg_class_name(ev->class), dg_hook_name(ev->hook),
			 ev->path ? ev->path : "");
		return;
	}
	if (comm[0])
		snprintf(buf, size, "%s %s by %s[%" PRIu32 "]",
			 dg_action_name(ev->action), what, comm, ev->tgid);
	else
		snprintf(buf, size, "%s %s by pid %" PRIu32,
			 dg_action_name(ev->action), what, ev->tgid);
}
