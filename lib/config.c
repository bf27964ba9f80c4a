// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: driftguardd's configuration and policy files, loaded. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <ini.h>

#include "config-int.h"
#include "multicall.h"
#include "names.h"

static int dg_errf(char *err, size_t size, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int dg_errf(char *err, size_t size, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return code;
}

/* What a file that is not a regular one is, for messages. */
static const char *dg_file_type(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	default:
		return "not a regular file";
	}
}

static int dg_not_regular(const char *path, mode_t mode, char *err,
			  size_t size)
{
	return dg_errf(err, size, -EINVAL,
		       "%s: is %s, not a regular file: nothing read", path,
		       dg_file_type(mode));
}

/*
 * Reads all of @path (a regular file, symlinks followed) into *@text.
 * Anything else is refused before it is opened: opening a FIFO would block,
 * opening a device may act on it. O_NONBLOCK and the second check cover a
 * file swapped in between.
 */
static int dg_read_file(const char *path, char **text, size_t *len, char *err,
			size_t size)
{
	struct stat st;
	size_t n = 0;
	ssize_t r;
	char *buf;
	int fd, ret = 0;

	if (stat(path, &st))
		return dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return dg_not_regular(path, st.st_mode, err, size);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st)) {
		ret = dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = dg_not_regular(path, st.st_mode, err, size);
		goto out;
	}
	/* One byte more than allowed, to see a file that is too big. */
	buf = malloc(DG_CONFIG_FILE_MAX + 1);
	if (!buf) {
		ret = dg_errf(err, size, -ENOMEM, "%s: out of memory", path);
		goto out;
	}
	while (n <= DG_CONFIG_FILE_MAX) {
		r = read(fd, buf + n, DG_CONFIG_FILE_MAX + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ret = dg_errf(err, size, -errno, "%s: %s", path,
				      strerror(errno));
			break;
		}
		if (!r)
			break;
		n += r;
	}
	if (!ret && n > DG_CONFIG_FILE_MAX)
		ret = dg_errf(err, size, -EFBIG, "%s: larger than %d bytes",
			      path, DG_CONFIG_FILE_MAX);
	if (ret) {
		free(buf);
	} else {
		*text = buf;
		*len = n;
	}
out:
	close(fd);
	return ret;
}

static int dg_conf_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	/* Dot files include a ConfigMap's ..data and editors' leftovers. */
	return d->d_name[0] != '.' && n > 5 && !strcmp(d->d_name + n - 5, ".conf");
}

/* Byte order, not the locale's: the load order must not depend on it. */
static int dg_conf_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int dg_load_file(struct dg_config *cfg, const char *path,
			enum dg_kind kind, char *err, size_t size)
{
	size_t len;
	char *text;
	int ret;

	ret = dg_read_file(path, &text, &len, err, size);
	if (ret)
		return ret;
	if (kind == DG_DAEMON_FILE)
		ret = dg_config_parse_daemon(cfg, path, text, len, err, size);
	else
		ret = dg_config_parse_policies(cfg, path, text, len, err, size);
	free(text);
	return ret;
}

int dg_config_load(const char *daemon_file, const char *policy_dir,
		   struct dg_config **out, char *err, size_t size)
{
	struct dirent **ents = NULL;
	struct dg_config *cfg;
	char path[DG_PATH_MAX];
	int i, n = 0, ret = 0;

	cfg = dg_config_new();
	if (!cfg)
		return dg_errf(err, size, -ENOMEM, "out of memory");
	if (daemon_file)
		ret = dg_load_file(cfg, daemon_file, DG_DAEMON_FILE, err, size);
	if (!ret && policy_dir) {
		n = scandir(policy_dir, &ents, dg_conf_filter, dg_conf_cmp);
		if (n < 0) {
			ret = dg_errf(err, size, -errno, "%s: %s", policy_dir,
				      strerror(errno));
			n = 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (!ret && snprintf(path, sizeof(path), "%s/%s", policy_dir,
				     ents[i]->d_name) >= (int)sizeof(path))
			ret = dg_errf(err, size, -ENAMETOOLONG, "%s/%s: %s",
				      policy_dir, ents[i]->d_name,
				      strerror(ENAMETOOLONG));
		if (!ret)
			ret = dg_load_file(cfg, path, DG_POLICY_FILE, err, size);
		free(ents[i]);
	}
	free(ents);
	if (ret) {
		dg_config_free(cfg);
		return ret;
	}
	*out = cfg;
	return 0;
}


/* --- the configuration directory and its warnings ------------------------ */

static int dg_check_dir(const char *path, const char *what, char *err,
			size_t size)
{
	struct stat st;

	if (stat(path, &st))
		return dg_errf(err, size, -errno, "%s %s: %s", what, path,
			       strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return dg_errf(err, size, -ENOTDIR, "%s %s: %s", what, path,
			       strerror(ENOTDIR));
	if (access(path, R_OK | X_OK))
		return dg_errf(err, size, -errno, "%s %s: %s", what, path,
			       strerror(errno));
	return 0;
}

int dg_config_load_dir(const char *dir, struct dg_config **out, char *err,
		       size_t size)
{
	char daemon_file[DG_PATH_MAX], policy_dir[DG_PATH_MAX];
	bool have_daemon = true;
	struct dg_config *cfg;
	struct stat st;
	int ret;

	if (snprintf(daemon_file, sizeof(daemon_file), "%s/driftguard.conf",
		     dir) >= (int)sizeof(daemon_file) ||
	    snprintf(policy_dir, sizeof(policy_dir), "%s/policy.d",
		     dir) >= (int)sizeof(policy_dir))
		return dg_errf(err, size, -ENAMETOOLONG, "%s: %s", dir,
			       strerror(ENAMETOOLONG));
	ret = dg_check_dir(dir, "the configuration directory", err, size);
	if (ret)
		return ret;
	ret = dg_check_dir(policy_dir, "the policy directory", err, size);
	if (ret)
		return ret;
	/* Only "not there" means defaults; EACCES, ELOOP... are errors. */
	if (lstat(daemon_file, &st)) {
		if (errno != ENOENT)
			return dg_errf(err, size, -errno, "%s: %s", daemon_file,
				       strerror(errno));
		have_daemon = false;
	}
	ret = dg_config_load(have_daemon ? daemon_file : NULL, policy_dir, &cfg,
			     err, size);
	if (ret)
		return ret;
	if ((!have_daemon &&
	     dg_warn(cfg, "%s: not found: the built-in [daemon] defaults apply",
		     daemon_file)) ||
	    dg_config_lint(cfg)) {
		dg_config_free(cfg);
		return dg_errf(err, size, -ENOMEM, "out of memory");
	}
	*out = cfg;
	return 0;
}

/*
 * Cgroups of different kinds on a node: a pattern that matches all of them
 * covers the host's own services and sessions as well as every container.
 */
