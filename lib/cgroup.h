/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: cgroup v2 paths and ids. */
#ifndef DG_CGROUP_H
#define DG_CGROUP_H

#include <stddef.h>
#include <stdint.h>

/* The cgroup2 mount point (from /proc/self/mountinfo; /sys/fs/cgroup). */
const char *dg_cgroup_root(void);

/*
 * Makes @arg (absolute, or relative to the cgroup2 mount) an absolute path
 * in @out. Returns 0, or -EINVAL when an absolute path is outside the mount.
 */
int dg_cgroup_path(const char *root, const char *arg, char *out, size_t size);

/* The id of the cgroup directory @path: 0, -ENOENT, -ENOTDIR or -EINVAL. */
int dg_cgroup_id(const char *path, uint64_t *id);

/* The path of cgroup @id, or -ENOENT when it does not exist any more. */
int dg_cgroup_find(const char *root, uint64_t id, char *out, size_t size);

#endif /* DG_CGROUP_H */
