// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: which container a cgroup v2 path belongs to. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "container.h"
#include "hex.h"

/* A container cgroup is <prefix><64 hex><suffix>; the systemd driver adds ".scope". */
struct dg_naming {
	const char *prefix;
	const char *suffix;
	enum dg_runtime runtime;
};

/*
 * "libpod-conmon-<id>.scope" and "crio-conmon-<id>.scope" hold the runtime's
 * monitor process, not the container; they fail the hex test below, so the
 * search goes on upwards and finds no container (or the container that runs
 * that runtime, when nested).
 */
static const struct dg_naming dg_namings[] = {
	{ "docker-", ".scope", DG_RUNTIME_DOCKER },
	{ "cri-containerd-", ".scope", DG_RUNTIME_CONTAINERD },
	{ "crio-", ".scope", DG_RUNTIME_CRIO },
	{ "crio-", "", DG_RUNTIME_CRIO },
	{ "libpod-", ".scope", DG_RUNTIME_PODMAN },
	{ "libpod-", "", DG_RUNTIME_PODMAN },
};

static const char *const dg_runtimes[] = {
	[DG_RUNTIME_DOCKER] = "docker",
	[DG_RUNTIME_CONTAINERD] = "containerd",
	[DG_RUNTIME_CRIO] = "cri-o",
	[DG_RUNTIME_PODMAN] = "podman",
};

const char *dg_runtime_name(int runtime)
{
	if (runtime <= 0 || runtime >= __DG_RUNTIME_MAX)
		return "unknown";
	return dg_runtimes[runtime];
}

/* One path component, as a slice of the caller's string. */
struct dg_comp {
	const char *s;
	size_t len;
};

/*
 * Steps to the component before offset *end (exclusive), skipping slashes.
 * Returns false at the top of the path.
 */
static bool dg_comp_prev(const char *path, size_t *end, struct dg_comp *c)
{
	size_t e = *end, b;

	while (e > 0 && path[e - 1] == '/')
		e--;
	if (!e)
		return false;
	b = e;
	while (b > 0 && path[b - 1] != '/')
		b--;
	c->s = path + b;
	c->len = e - b;
	*end = b;
	return true;
}

static bool dg_comp_is(const struct dg_comp *c, const char *s)
{
	return c->len == strlen(s) && !memcmp(c->s, s, c->len);
}

/* The 64 hex digits between @prefix and @suffix of @c, or NULL. */
static const char *dg_comp_id(const struct dg_comp *c, const char *prefix,
			      const char *suffix)
{
	size_t p = strlen(prefix), s = strlen(suffix);

	if (c->len != p + DG_CONTAINER_ID_LEN + s ||
	    memcmp(c->s, prefix, p) ||
	    memcmp(c->s + p + DG_CONTAINER_ID_LEN, suffix, s) ||
	    !dg_hex_is_lower(c->s + p, DG_CONTAINER_ID_LEN))
		return NULL;
	return c->s + p;
}

/*
 * The pod UID in a pod cgroup: "kubepods-burstable-pod<uid>.slice" (systemd
 * driver, where '-' separates slice levels, so the kubelet writes the UID's
 * dashes as '_') or "pod<uid>" (cgroupfs). Copies the UID, with dashes, into
 * @uid (DG_POD_UID_MAX + 1 bytes, scribbled on even when false); a UID of
 * another shape is no pod.
 */
static bool dg_comp_pod(const struct dg_comp *c, char *uid)
{
	static const char slice[] = ".slice";
	const char *s = NULL, *p;
	size_t n = 0, i;

	if (c->len > 8 && !memcmp(c->s, "kubepods", 8) &&
	    c->len > sizeof(slice) - 1 &&
	    !memcmp(c->s + c->len - (sizeof(slice) - 1), slice, sizeof(slice) - 1)) {
		/* The last "-pod": the UID itself holds no '-' here. */
		for (p = c->s; p + 4 <= c->s + c->len; p++)
			if (!memcmp(p, "-pod", 4))
				s = p + 4;
		if (!s)
			return false;
		n = (size_t)(c->s + c->len - (sizeof(slice) - 1) - s);
	} else if (c->len > 3 && !memcmp(c->s, "pod", 3)) {
		s = c->s + 3;
		n = c->len - 3;
	} else {
		return false;
	}

	if (n != 32 && n != DG_POD_UID_MAX)
		return false;
	for (i = 0; i < n; i++)
		uid[i] = s[i] == '_' ? '-' : s[i];
	uid[n] = '\0';
	/* A UUID (8-4-4-4-12), or 32 hex digits (static pods: a hash). */
	if (n == 32)
		return dg_hex_is_lower(uid, n);
	for (i = 0; i < n; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? uid[i] != '-' : !dg_hex_is_lower(&uid[i], 1))
			return false;
	}
	return true;
}

/* Whether @c (with its parent @parent, if any) names a container; fills @out. */
static bool dg_comp_container(const struct dg_comp *c, const struct dg_comp *parent,
			      struct dg_container *out)
{
	char uid[DG_POD_UID_MAX + 1];
	const char *id = NULL;
	size_t i;

	for (i = 0; i < sizeof(dg_namings) / sizeof(dg_namings[0]) && !id; i++) {
		id = dg_comp_id(c, dg_namings[i].prefix, dg_namings[i].suffix);
		if (id)
			out->runtime = dg_namings[i].runtime;
	}
	/*
	 * cgroupfs names a container by its bare id: only trust known parents.
	 * containerd outside Kubernetes (`ctr run`, or a client of its API
	 * giving no cgroup) puts a container in /<namespace>/<id>: "default"
	 * is ctr's namespace, "k8s.io" the CRI plugin's.
	 */
	if (!id && parent && (id = dg_comp_id(c, "", ""))) {
		if (dg_comp_is(parent, "docker"))
			out->runtime = DG_RUNTIME_DOCKER;
		else if (dg_comp_pod(parent, uid) || dg_comp_is(parent, "default") ||
			 dg_comp_is(parent, "k8s.io"))
			out->runtime = DG_RUNTIME_CONTAINERD;
		else
			id = NULL;
	}
	if (!id)
		return false;
	memcpy(out->id, id, DG_CONTAINER_ID_LEN);
	out->id[DG_CONTAINER_ID_LEN] = '\0';
	return true;
}

int dg_container_from_cgroup(const char *path, struct dg_container *out)
{
	char uid[DG_POD_UID_MAX + 1];
	struct dg_comp c, parent, up;
	size_t end = strlen(path), pend;
	bool have_parent;

	memset(out, 0, sizeof(*out));
	/* Innermost first: a sub-cgroup of a container belongs to it. */
	while (dg_comp_prev(path, &end, &c)) {
		pend = end;
		have_parent = dg_comp_prev(path, &pend, &parent);
		if (!dg_comp_container(&c, have_parent ? &parent : NULL, out))
			continue;
		out->cgroup_len = (size_t)(c.s + c.len - path);
		/* The nearest pod above the container, if any. */
		pend = end;
		while (dg_comp_prev(path, &pend, &up)) {
			if (dg_comp_pod(&up, uid)) {
				memcpy(out->pod_uid, uid, sizeof(uid));
				break;
			}
		}
		return 0;
	}
	memset(out, 0, sizeof(*out));
	return -ENOENT;
}
