// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: what a policy's response does to a container's cgroup. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/types.h>
#include <linux/driftguard.h>

#include "response.h"

bool dg_response_answers(int hook)
{
	switch (hook) {
	case DRIFTGUARD_HOOK_EXEC:
	case DRIFTGUARD_HOOK_MMAP:
	case DRIFTGUARD_HOOK_USERNS:
	case DRIFTGUARD_HOOK_OPEN:
		return true;
	}
	return false;
}

int dg_response_target(const char *root, const char *cgroup_dir,
		       const struct dg_container *ctr, char *out, size_t size)
{
	size_t len = strlen(cgroup_dir);
	int n;

	if (ctr && ctr->cgroup_len && ctr->cgroup_len <= len)
		len = ctr->cgroup_len;
	while (len > 1 && cgroup_dir[len - 1] == '/')
		len--;
	n = snprintf(out, size, "%.*s", (int)len, cgroup_dir);
	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	/* The root, however spelled; cgroup.kill does not exist there anyway. */
	n = (int)strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (!strcmp(out, "/") || ((size_t)n == strlen(out) && !strncmp(out, root, n)))
		return -EPERM;
	return 0;
}

/* Writes @s to @file in the directory @dirfd (or @dir when @dirfd < 0). */
static int dg_write_file(int dirfd, const char *dir, const char *file,
			 const char *s)
{
	char path[4096];
	ssize_t n;
	int fd, err = 0;

	if (dirfd >= 0) {
		fd = openat(dirfd, file, O_WRONLY | O_CLOEXEC);
	} else {
		if (snprintf(path, sizeof(path), "%s/%s", dir, file) >=
		    (int)sizeof(path))
			return -ENAMETOOLONG;
		fd = open(path, O_WRONLY | O_CLOEXEC);
	}
	if (fd < 0)
		return -errno;
	n = write(fd, s, strlen(s));
	if (n != (ssize_t)strlen(s))
		err = n < 0 ? -errno : -EIO;
	close(fd);
	return err;
}

int dg_response_kill(const char *dir)
{
	return dg_write_file(-1, dir, "cgroup.kill", "1");
}

int dg_response_kill_at(int dirfd)
{
	return dg_write_file(dirfd, NULL, "cgroup.kill", "1");
}

int dg_response_pause(const char *dir)
{
	return dg_write_file(-1, dir, "cgroup.freeze", "1");
}

/* SIGTERM to the processes of @dir and of every cgroup below it. */
int dg_response_term(const char *dir, unsigned int *signalled)
{
	char path[4096];
	struct dirent *de;
	int pid, err = 0, sub;
	FILE *f;
	DIR *d;

	if (snprintf(path, sizeof(path), "%s/cgroup.procs", dir) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	f = fopen(path, "re");
	if (!f)
		return -errno;
	while (fscanf(f, "%d", &pid) == 1)
		if (pid > 1 && !kill(pid, SIGTERM))
			(*signalled)++;
	fclose(f);
	d = opendir(dir);
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >=
		    (int)sizeof(path))
			continue;
		sub = dg_response_term(path, signalled);
		if (sub && sub != -ENOENT && !err)
			err = sub;
	}
	closedir(d);
	return err;
}
