/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: a container's image, name and pod, from its runtime's files. */
#ifndef DG_CONTEXT_H
#define DG_CONTEXT_H

/*
 * What an operator needs to find the workload behind a container id, read
 * from the files its runtime keeps on the node (never an API server, a
 * runtime socket or a CLI):
 *
 *   docker      DOCKER_ROOT/containers/<id>/config.v2.json
 *                 Config.Image -> image, Image -> image_id, Name ("/web",
 *                 the '/' dropped) -> container_name; the labels
 *                 io.kubernetes.{pod.namespace,pod.name,container.name}
 *                 (cri-dockerd) -> k8s_namespace, k8s_pod, k8s_container
 *   containerd  CONTAINERD_STATE/io.containerd.runtime.v2.task/<ns>/<id>/
 *               config.json, the OCI bundle, any containerd namespace <ns>:
 *                 the annotations the CRI plugin writes:
 *                 io.kubernetes.cri.image-name -> image,
 *                 io.kubernetes.cri.container-name -> container_name and
 *                 k8s_container, io.kubernetes.cri.sandbox-namespace ->
 *                 k8s_namespace, io.kubernetes.cri.sandbox-name -> k8s_pod.
 *                 Then containerd's database, ROOT/io.containerd.metadata.
 *                 v1.bolt/meta.db (ROOT: where the bundle's "work" link
 *                 leads): v1/<ns>/containers/<id>/image -> image when no
 *                 annotation named it (`ctr run`), and the image's config
 *                 digest (its target manifest's blob label) -> image_id
 *   cri-o       CRIO_STATE/overlay-containers/<id>/userdata/config.json:
 *                 io.kubernetes.cri-o.ImageName -> image,
 *                 io.kubernetes.cri-o.ImageRef -> image_id,
 *                 io.kubernetes.pod.namespace, io.kubernetes.pod.name,
 *                 io.kubernetes.container.name (-> container_name too)
 *   podman      PODMAN_ROOT/overlay-containers/containers.json, the entry
 *               whose "id" is <id>: names[0] -> container_name, "image"
 *               -> image_id ("sha256:" put in front), metadata's
 *               image-name -> image (rootful podman only)
 *
 * The runtime the cgroup names is asked first, then the others (a
 * kubepods cgroupfs path is containerd's or cri-dockerd's). A file larger
 * than DG_CONTEXT_FILE_MAX, not a regular file, or not the JSON expected is
 * an error; what a file does not have stays "".
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "container.h"

#define DG_CONTEXT_FILE_MAX	(1 << 20)
#define DG_CONTEXT_FIELD_MAX	256	/* longer values are cut */
#define DG_CONTEXT_CACHE_MAX	4096	/* containers remembered */

#define DG_DOCKER_ROOT		"/var/lib/docker"
#define DG_CONTAINERD_STATE	"/run/containerd"
#define DG_CRIO_STATE		"/run/containers/storage"
#define DG_PODMAN_ROOT		"/var/lib/containers/storage"

struct dg_context {
	char image[DG_CONTEXT_FIELD_MAX];
	char image_id[DG_CONTEXT_FIELD_MAX];
	char container_name[DG_CONTEXT_FIELD_MAX];
	char k8s_namespace[DG_CONTEXT_FIELD_MAX];
	char k8s_pod[DG_CONTEXT_FIELD_MAX];
	char k8s_container[DG_CONTEXT_FIELD_MAX];
};

/* Where the runtimes keep their files; NULL members take the defaults above. */
struct dg_context_roots {
	const char *docker;
	const char *containerd;
	const char *crio;
	const char *podman;
};

/*
 * Fills @out for the container @c. Returns 0 when a runtime's file for it
 * was found and read (its fields may still be ""), -ENOENT when none was
 * found, -EFBIG (over DG_CONTEXT_FILE_MAX), -EBADMSG (not JSON, or not the
 * shape expected) or another negative errno; on error @out is all "" and
 * @why says "PATH: what" (the paths tried, for -ENOENT).
 */
int dg_context_read(const struct dg_container *c,
		    const struct dg_context_roots *roots,
		    struct dg_context *out, char *why, size_t size);

/*
 * Adds the non-empty fields of @ctx to @o under their names: image,
 * image_id, container_name, k8s_namespace, k8s_pod, k8s_container. An
 * unknown field is left out, never "".
 */
void dg_context_json(struct json_object *o, const struct dg_context *ctx);

/*
 * True when @image names a mutable tag: it has no "@sha256:" digest and is
 * not an image ID in full ("sha256:" and 64 hex digits, the digest of the
 * image's configuration, as `docker run sha256:ID` names an image).
 */
bool dg_context_mutable(const char *image);

/*
 * A bounded cache of contexts by container id, for driftguardd and
 * `driftctl events`: a container's files are read once, at its first
 * lookup, and the answer (an error's empty one too) kept until
 * dg_context_cache_prune sees its cgroup gone. A failed lookup is logged
 * once per container through @log; a missing file is asked again after
 * DG_CONTEXT_RETRY_SEC (a container being created). Full, the least
 * recently used entry goes.
 */
#define DG_CONTEXT_RETRY_SEC	10

struct dg_context_cache;
typedef void (*dg_context_log_fn)(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

struct dg_context_cache *dg_context_cache_new(size_t max,
					      const struct dg_context_roots *roots,
					      dg_context_log_fn log);
void dg_context_cache_free(struct dg_context_cache *cc);
/* @roots copied; the cache is emptied when they change. */
int dg_context_cache_set_roots(struct dg_context_cache *cc,
			       const struct dg_context_roots *roots);
/*
 * The context of @c, whose own cgroup is @cgroup (absolute, or relative
 * to the cgroup2 mount; for pruning). @now: monotonic seconds. Never NULL:
 * an empty context when nothing is known.
 */
const struct dg_context *dg_context_cache_get(struct dg_context_cache *cc,
					      const struct dg_container *c,
					      const char *cgroup, uint64_t now);
/* Drops the entries whose cgroup directory is gone; returns how many. */
size_t dg_context_cache_prune(struct dg_context_cache *cc);
size_t dg_context_cache_size(const struct dg_context_cache *cc);

#endif /* DG_CONTEXT_H */
