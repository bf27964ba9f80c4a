// SPDX-License-Identifier: GPL-2.0
/* driftguardd: require_digest, an image record for a container started from a mutable tag. */
#include "dgd.h"

/*
 * A container's start is seen where its policy is set: the cgroup tree's
 * inotify watches (sync.c) report its cgroup directory as the runtime
 * creates it, before its first process runs; no polling. The runtime's
 * files (context.h) are there by then for dockerd and containerd (written
 * at create, before the task starts); when they are not yet, the start
 * waits and is checked again at every tick (DG_TICK_SEC) for up to
 * DG_DIGEST_WAIT_SEC, then given up with a log line.
 */
#define DG_DIGEST_WAIT_SEC	30
#define DG_DIGEST_WAIT_MAX	256

struct dgd_digest_wait {
	char cgroup[PATH_MAX];		/* absolute */
	uint64_t deadline;		/* monotonic ns */
};

static void dgd_image_record(struct dgd *d, const struct dg_policy *p,
			     const char *cgroup, const struct dg_container *ctr,
			     const struct dg_context *ctx)
{
	struct json_object *o = dgd_record_new("image");
	char message[PATH_MAX + 512];
	const char *rel = cgroup + strlen(dg_cgroup_root());

	if (!o)
		return;
	while (*rel == '/')
		rel++;
	json_object_object_add(o, "policy", json_object_new_string(p->name));
	json_object_object_add(o, "severity",
			       json_object_new_string(dg_severity_name((int)p->severity)));
	json_object_object_add(o, "runbook", json_object_new_string(p->runbook));
	json_object_object_add(o, "cgroup", json_object_new_string(rel));
	json_object_object_add(o, "runtime",
			       json_object_new_string(dg_runtime_name(ctr->runtime)));
	json_object_object_add(o, "container_id", json_object_new_string(ctr->id));
	if (ctr->pod_uid[0])
		json_object_object_add(o, "pod_uid",
				       json_object_new_string(ctr->pod_uid));
	dg_context_json(o, ctx);
	json_object_object_add(o, "reason", json_object_new_string(
		"the image reference is a mutable tag, not pinned by an @sha256: digest"));
	snprintf(message, sizeof(message),
		 "container %.12s%s%s started from mutable image tag %s (policy %s requires a digest)",
		 ctr->id, ctx->container_name[0] ? " " : "", ctx->container_name,
		 ctx->image, p->name);
	dgd_emit(d, o, dg_sink_priority(DRIFTGUARD_ACTION_ALERTED, (int)p->severity),
		 message);
}

/*
 * Checks the start of the container whose own cgroup is @cgroup: true
 * when decided (a record written or not needed), false to wait for the
 * runtime's files.
 */
static bool dgd_digest_one(struct dgd *d, const char *cgroup, bool last)
{
	struct dg_context_roots roots;
	struct dg_container ctr;
	struct dg_context ctx;
	const struct dg_policy *p;
	const char *rel = cgroup + strlen(dg_cgroup_root());
	char why[PATH_MAX + 128];
	struct stat st;

	while (*rel == '/')
		rel++;
	p = dg_sync_policy_over(&d->sync, rel);
	/* Gone, or out of the policy's scope by now: nothing started. */
	if (!p || !p->require_digest || stat(cgroup, &st) ||
	    dg_container_from_cgroup(cgroup, &ctr) || ctr.cgroup_len != strlen(cgroup))
		return true;
	dgd_context_roots(d->cfg, &roots);
	if (dg_context_read(&ctr, &roots, &ctx, why, sizeof(why)) || !ctx.image[0]) {
		if (last)
			dgd_log("require_digest: container %.12s: no image reference "
				"found in %d s, not checked: %s", ctr.id,
				DG_DIGEST_WAIT_SEC, why[0] ? why : "its runtime's files name none");
		return last;
	}
	if (dg_context_mutable(ctx.image))
		dgd_image_record(d, p, cgroup, &ctr, &ctx);
	return true;
}

void dgd_digest_cgroup_added(void *arg, const char *rel)
{
	struct dgd *d = arg;
	const struct dg_policy *p = dg_sync_policy_over(&d->sync, rel);
	struct dgd_digest_wait *w;
	char cgroup[PATH_MAX];
	struct dg_container ctr;

	if (!p || !p->require_digest)
		return;
	if (snprintf(cgroup, sizeof(cgroup), "%s/%s", dg_cgroup_root(), rel) >=
	    (int)sizeof(cgroup))
		return;
	/* A container's own cgroup only, not the ones below it. */
	if (dg_container_from_cgroup(cgroup, &ctr) || ctr.cgroup_len != strlen(cgroup))
		return;
	if (dgd_digest_one(d, cgroup, false))
		return;
	if (d->ndigest_wait == DG_DIGEST_WAIT_MAX) {
		dgd_log("require_digest: %d container starts wait for their "
			"runtime's files already: %.12s not checked",
			DG_DIGEST_WAIT_MAX, ctr.id);
		return;
	}
	if (!d->digest_wait) {
		d->digest_wait = calloc(DG_DIGEST_WAIT_MAX, sizeof(*d->digest_wait));
		if (!d->digest_wait)
			return;
	}
	w = &d->digest_wait[d->ndigest_wait++];
	snprintf(w->cgroup, sizeof(w->cgroup), "%s", cgroup);
	w->deadline = dgd_now(CLOCK_MONOTONIC) + DG_DIGEST_WAIT_SEC * NSEC_PER_SEC;
}

void dgd_digest_check(struct dgd *d, bool all)
{
	uint64_t now = dgd_now(CLOCK_MONOTONIC);
	size_t i, j;

	for (i = 0, j = 0; i < d->ndigest_wait; i++) {
		struct dgd_digest_wait *w = &d->digest_wait[i];

		if (dgd_digest_one(d, w->cgroup, all || now >= w->deadline))
			continue;
		d->digest_wait[j++] = *w;
	}
	d->ndigest_wait = j;
	if (all) {
		free(d->digest_wait);
		d->digest_wait = NULL;
	}
}
