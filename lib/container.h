/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: which container a cgroup v2 path belongs to. */
#ifndef DG_CONTAINER_H
#define DG_CONTAINER_H

enum dg_runtime {
	DG_RUNTIME_DOCKER = 1,
	DG_RUNTIME_CONTAINERD,		/* containerd's CRI plugin */
	DG_RUNTIME_CRIO,
	DG_RUNTIME_PODMAN,
	__DG_RUNTIME_MAX,
};

#define DG_CONTAINER_ID_LEN	64	/* hex digits */
#define DG_POD_UID_MAX		36	/* 8-4-4-4-12 UUID; static pods: 32 hex */

struct dg_container {
	enum dg_runtime runtime;
	char id[DG_CONTAINER_ID_LEN + 1];
	char pod_uid[DG_POD_UID_MAX + 1];	/* "" outside Kubernetes */
	size_t cgroup_len;	/* the path's first cgroup_len bytes are the
				   container's own cgroup */
};

/*
 * Fills @out from the cgroup v2 @path of a task: with or without the
 * cgroup2 mount in front ("/sys/fs/cgroup/system.slice/docker-<id>.scope"
 * and "/system.slice/docker-<id>.scope" are the same). A cgroup below a
 * container's own (a container that runs systemd, or makes sub-cgroups)
 * belongs to that container; of nested containers, the innermost wins.
 *
 * Both cgroup drivers are understood:
 *   systemd   .../docker-<id>.scope          docker
 *             .../cri-containerd-<id>.scope  containerd
 *             .../crio-<id>.scope            cri-o
 *             .../libpod-<id>.scope          podman (also rootless, in user slices)
 *             kubepods[-<qos>]-pod<uid with '_' for '-'>.slice above: the pod
 *   cgroupfs  /docker/<id>                   docker
 *             /kubepods[/<qos>]/pod<uid>/<id> containerd (cri-dockerd makes
 *                                            the same shape; it cannot be
 *                                            told apart from the path)
 *             .../pod<uid>/crio-<id>         cri-o
 *             /libpod_parent/libpod-<id>     podman
 *
 * Returns 0, or -ENOENT when @path is not inside a container: no container
 * component, an id that is not 64 lowercase hex digits, or a conmon cgroup
 * (libpod-conmon-<id>.scope, crio-conmon-<id>.scope: the runtime's monitor,
 * not a container; inside another container it belongs to that one).
 */
int dg_container_from_cgroup(const char *path, struct dg_container *out);

/* "docker", "containerd", "cri-o", "podman"; "unknown" for anything else. */
const char *dg_runtime_name(int runtime);

#endif /* DG_CONTAINER_H */
