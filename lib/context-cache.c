// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard userspace: the cache of containers' contexts driftguardd keeps,
 * one entry a container id, read again after a miss (the runtime may not
 * have written its files yet) and dropped with the container's cgroup.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cgroup.h"
#include "context.h"

struct dg_context_entry {
	char id[DG_CONTAINER_ID_LEN + 1];	/* "": free */
	char *cgroup;			/* absolute path of its own cgroup */
	uint64_t used;			/* the cache's clock at the last lookup */
	uint64_t retry_at;		/* monotonic s; 0: never (a found file) */
	struct dg_context ctx;
};

struct dg_context_cache {
	struct dg_context_entry *e;
	size_t max, n;
	uint64_t clock;
	dg_context_log_fn log;
	char *roots[4];
	struct dg_context_roots r;
};

static const struct dg_context dg_empty;

struct dg_context_cache *dg_context_cache_new(size_t max,
					      const struct dg_context_roots *roots,
					      dg_context_log_fn log)
{
	struct dg_context_cache *cc = calloc(1, sizeof(*cc));

	if (!cc)
		return NULL;
	cc->max = max ? max : 1;
	cc->log = log;
	cc->e = calloc(cc->max, sizeof(*cc->e));
	if (!cc->e || dg_context_cache_set_roots(cc, roots)) {
		dg_context_cache_free(cc);
		return NULL;
	}
	return cc;
}

static void dg_entry_drop(struct dg_context_cache *cc, struct dg_context_entry *e)
{
	free(e->cgroup);
	memset(e, 0, sizeof(*e));
	cc->n--;
}

static void dg_cache_clear(struct dg_context_cache *cc)
{
	size_t i;

	for (i = 0; i < cc->max; i++)
		if (cc->e[i].id[0])
			dg_entry_drop(cc, &cc->e[i]);
}

void dg_context_cache_free(struct dg_context_cache *cc)
{
	int i;

	if (!cc)
		return;
	if (cc->e)
		dg_cache_clear(cc);
	for (i = 0; i < 4; i++)
		free(cc->roots[i]);
	free(cc->e);
	free(cc);
}

static bool dg_same(const char *a, const char *b)
{
	return !strcmp(a ? a : "", b ? b : "");
}

int dg_context_cache_set_roots(struct dg_context_cache *cc,
			       const struct dg_context_roots *roots)
{
	const char *want[4] = {
		roots && roots->docker ? roots->docker : DG_DOCKER_ROOT,
		roots && roots->containerd ? roots->containerd : DG_CONTAINERD_STATE,
		roots && roots->crio ? roots->crio : DG_CRIO_STATE,
		roots && roots->podman ? roots->podman : DG_PODMAN_ROOT,
	};
	char *copy[4];
	int i;

	for (i = 0; i < 4 && dg_same(cc->roots[i], want[i]); i++)
		;
	if (i == 4)
		return 0;
	for (i = 0; i < 4; i++) {
		copy[i] = strdup(want[i]);
		if (!copy[i]) {
			while (i--)
				free(copy[i]);
			return -ENOMEM;
		}
	}
	for (i = 0; i < 4; i++) {
		free(cc->roots[i]);
		cc->roots[i] = copy[i];
	}
	cc->r = (struct dg_context_roots){ cc->roots[0], cc->roots[1],
					   cc->roots[2], cc->roots[3] };
	/* Other roots, other answers. */
	dg_cache_clear(cc);
	return 0;
}

/* The id's slot: its entry, or where it goes (open addressing). */
static size_t dg_slot(const struct dg_context_cache *cc, const char *id,
		      bool *found)
{
	size_t h = 0, i, k, free_at = SIZE_MAX;
	int j;

	/* The ids are random hex: their first digits hash well enough. */
	for (j = 0; j < 12 && id[j]; j++)
		h = h * 16 + (size_t)(id[j] <= '9' ? id[j] - '0' : (id[j] | 0x20) - 'a' + 10);
	for (k = 0; k < cc->max; k++) {
		i = (h + k) % cc->max;
		if (!strcmp(cc->e[i].id, id)) {
			*found = true;
			return i;
		}
		if (!cc->e[i].id[0] && free_at == SIZE_MAX)
			free_at = i;
		/* Linear probing without tombstones: scan on, entries move. */
	}
	*found = false;
	return free_at;
}

const struct dg_context *dg_context_cache_get(struct dg_context_cache *cc,
					      const struct dg_container *c,
					      const char *cgroup, uint64_t now)
{
	struct dg_context_entry *e;
	char why[2048], path[PATH_MAX];
	bool found;
	size_t i, old;
	int err, n;

	if (!cc || !c || !c->id[0])
		return &dg_empty;
	cc->clock++;
	i = dg_slot(cc, c->id, &found);
	if (found) {
		e = &cc->e[i];
		e->used = cc->clock;
		if (!e->retry_at || now < e->retry_at)
			return &e->ctx;
	} else {
		if (i == SIZE_MAX) {
			/* Full: the least recently used goes. */
			for (old = 0, i = 1; i < cc->max; i++)
				if (cc->e[i].used < cc->e[old].used)
					old = i;
			dg_entry_drop(cc, &cc->e[old]);
			i = dg_slot(cc, c->id, &found);
		}
		e = &cc->e[i];
		memcpy(e->id, c->id, sizeof(e->id));
		e->used = cc->clock;
		/* Absolute: as it is; relative: to the cgroup2 mount. */
		n = snprintf(path, sizeof(path), "%s%s%s",
			     cgroup && cgroup[0] == '/' ? "" : dg_cgroup_root(),
			     cgroup && cgroup[0] == '/' ? "" : "/",
			     cgroup ? cgroup : "");
		if (n < 0 || (size_t)n >= sizeof(path))
			path[0] = '\0';
		e->cgroup = strdup(path);
		cc->n++;
	}
	err = dg_context_read(c, &cc->r, &e->ctx, why, sizeof(why));
	/* Said once: a first miss, or an error that is not a missing file. */
	if (err && cc->log && (!found || err != -ENOENT))
		cc->log("container %.12s (%s): no image or name in the records: %s",
			c->id, dg_runtime_name(c->runtime), why);
	e->retry_at = err == -ENOENT ? now + DG_CONTEXT_RETRY_SEC : 0;
	return &e->ctx;
}

size_t dg_context_cache_prune(struct dg_context_cache *cc)
{
	struct stat st;
	size_t i, n = 0;

	if (!cc)
		return 0;
	for (i = 0; i < cc->max; i++) {
		struct dg_context_entry *e = &cc->e[i];

		if (!e->id[0] || (e->cgroup && e->cgroup[0] &&
				  !stat(e->cgroup, &st)))
			continue;
		dg_entry_drop(cc, e);
		n++;
	}
	return n;
}

size_t dg_context_cache_size(const struct dg_context_cache *cc)
{
	return cc ? cc->n : 0;
}
