// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: cgroup v2 paths and ids. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "cgroup.h"

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif
/* The kernfs file handle type: its 8 bytes are the cgroup id. */
#define DG_FILEID_KERNFS 0xfe

const char *dg_cgroup_root(void)
{
	static char root[4096];
	char line[8192], mnt[4096], fstype[64];
	FILE *f;

	if (root[0])
		return root;
	snprintf(root, sizeof(root), "/sys/fs/cgroup");
	f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return root;
	while (fgets(line, sizeof(line), f)) {
		const char *sep = strstr(line, " - ");

		if (!sep || sscanf(sep, " - %63s", fstype) != 1 ||
		    strcmp(fstype, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %4095s", mnt) == 1) {
			snprintf(root, sizeof(root), "%s", mnt);
			break;
		}
	}
	fclose(f);
	return root;
}

int dg_cgroup_path(const char *root, const char *arg, char *out, size_t size)
{
	size_t rlen = strlen(root);
	int n;

	if (arg[0] == '/') {
		if (strncmp(arg, root, rlen) ||
		    (arg[rlen] != '\0' && arg[rlen] != '/'))
			return -EINVAL;
		n = snprintf(out, size, "%s", arg);
	} else {
		n = snprintf(out, size, "%s/%s", root, arg);
	}
	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	/* "system.slice/" and "system.slice" are the same cgroup. */
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	return 0;
}

int dg_cgroup_id(const char *path, uint64_t *id)
{
	struct statfs sfs;
	struct stat st;

	if (stat(path, &st))
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (statfs(path, &sfs))
		return -errno;
	if (sfs.f_type != CGROUP2_SUPER_MAGIC)
		return -EINVAL;
	*id = st.st_ino;
	return 0;
}

int dg_cgroup_find(const char *root, uint64_t id, char *out, size_t size)
{
	struct {
		struct file_handle fh;
		uint64_t id;
	} h = { .fh = { .handle_bytes = sizeof(uint64_t),
			.handle_type = DG_FILEID_KERNFS } };
	char link[64];
	ssize_t n;
	int mfd, fd;

	memcpy(h.fh.f_handle, &id, sizeof(id));
	mfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mfd < 0)
		return -errno;
	fd = open_by_handle_at(mfd, &h.fh, O_RDONLY | O_CLOEXEC);
	close(mfd);
	if (fd < 0)
		return errno == ESTALE ? -ENOENT : -errno;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, out, size - 1);
	close(fd);
	if (n < 0)
		return -errno;
	out[n] = '\0';
	return 0;
}
