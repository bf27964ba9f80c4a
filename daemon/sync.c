// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: keeps the kernel's policies equal to the configuration. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/inotify.h>

#include "cgroup.h"
#include "sinks.h"
#include "sync.h"

#define DG_CG_MASK (IN_CREATE | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | \
		    IN_ONLYDIR)

struct dg_wantv {
	struct dg_want *v;
	size_t n, cap;
};

int dg_sync_init(struct dg_sync *s)
{
	memset(s, 0, sizeof(*s));
	s->root = dg_cgroup_root();
	s->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	return s->ifd < 0 ? -errno : 0;
}

static void dg_want_free(struct dg_want *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].rel);
	free(v);
}

void dg_sync_fini(struct dg_sync *s)
{
	size_t i;

	if (s->ifd >= 0)
		close(s->ifd);
	for (i = 0; i < s->nwd; i++)
		free(s->wd_path[i]);
	free(s->wd_path);
	dg_want_free(s->want, s->nwant);
	s->want = NULL;
	s->nwant = 0;
}

static int dg_want_cmp(const void *a, const void *b)
{
	const struct dg_want *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

static struct dg_want *dg_want_find(const struct dg_sync *s, uint64_t id)
{
	struct dg_want key = { .id = id };

	if (!s->nwant)
		return NULL;
	return bsearch(&key, s->want, s->nwant, sizeof(key), dg_want_cmp);
}

const struct dg_policy *dg_sync_policy_of(const struct dg_sync *s, uint64_t id)
{
	const struct dg_want *w = dg_want_find(s, id);

	return w ? w->policy : NULL;
}

static int dg_wantv_push(struct dg_wantv *wv, uint64_t id, const char *rel,
			 const struct dg_policy *p)
{
	if (wv->n == wv->cap) {
		size_t cap = wv->cap ? wv->cap * 2 : 64;
		struct dg_want *v = realloc(wv->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		wv->v = v;
		wv->cap = cap;
	}
	wv->v[wv->n].rel = strdup(rel);
	if (!wv->v[wv->n].rel)
		return -ENOMEM;
	wv->v[wv->n].id = id;
	wv->v[wv->n].policy = p;
	wv->n++;
	return 0;
}

/* The first policy in load order whose pattern matches @rel, or NULL. */
static const struct dg_policy *dg_match(const struct dg_config *cfg,
					const char *rel)
{
	size_t i;

	for (i = 0; i < cfg->npolicies; i++) {
		const char *pat = cfg->policies[i].cgroup;

		while (*pat == '/')
			pat++;
		if (!fnmatch(pat, rel, FNM_PATHNAME))
			return &cfg->policies[i];
	}
	return NULL;
}

static int dg_abs(const struct dg_sync *s, const char *rel, char *out,
		  size_t size)
{
	int n = snprintf(out, size, "%s%s%s", s->root, rel[0] ? "/" : "", rel);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* Watches @rel; a directory watched already keeps its descriptor. */
static int dg_watch(struct dg_sync *s, const char *path, const char *rel)
{
	char *copy;
	int wd;

	wd = inotify_add_watch(s->ifd, path, DG_CG_MASK);
	if (wd < 0) {
		/* ENOSPC: fs.inotify.max_user_watches is too low for the tree. */
		if (errno != ENOENT)
			dgd_log("cannot watch %s: %s", path, strerror(errno));
		return -errno;
	}
	if ((size_t)wd >= s->nwd) {
		size_t n = (size_t)wd * 2 + 16;
		char **v = realloc(s->wd_path, n * sizeof(*v));

		if (!v)
			return -ENOMEM;
		memset(v + s->nwd, 0, (n - s->nwd) * sizeof(*v));
		s->wd_path = v;
		s->nwd = n;
	}
	copy = strdup(rel);
	if (!copy)
		return -ENOMEM;
	free(s->wd_path[wd]);
	s->wd_path[wd] = copy;
	return 0;
}

/*
 * Watches @rel and every directory below it, and adds each that a policy
 * matches to @out. The watch goes on before the directory is read: a child
 * made in between is then both read and reported, never neither.
 */
static int dg_walk(struct dg_sync *s, const struct dg_config *cfg,
		   const char *rel, struct dg_wantv *out)
{
	const struct dg_policy *p;
	char path[PATH_MAX], sub[PATH_MAX];
	struct dirent *d;
	uint64_t id;
	DIR *dir;
	int err;

	err = dg_abs(s, rel, path, sizeof(path));
	if (err)
		return err;
	err = dg_watch(s, path, rel);
	if (err == -ENOMEM)
		return err;
	p = dg_match(cfg, rel);
	if (p && !dg_cgroup_id(path, &id)) {
		err = dg_wantv_push(out, id, rel, p);
		if (err)
			return err;
	}
	dir = opendir(path);
	if (!dir)
		return errno == ENOENT ? 0 : -errno;
	while ((d = readdir(dir))) {
		if (d->d_type != DT_DIR || !strcmp(d->d_name, ".") ||
		    !strcmp(d->d_name, ".."))
			continue;
		if (snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "",
			     d->d_name) >= (int)sizeof(sub))
			continue;
		err = dg_walk(s, cfg, sub, out);
		if (err == -ENOMEM)
			break;
		err = 0;
	}
	closedir(dir);
	return err;
}

/* --- the kernel side ---------------------------------------------------- */

/* Logs that @w's cgroup is left without its policy, and tells the owner. */
static void dg_sync_refused(struct dg_sync *s, const struct dg_want *w,
			      const char *why)
{
	const char *cgroup = w->rel[0] ? w->rel : "/";

	dgd_log("policy %s NOT set on %s (cgroup id %" PRIu64 "): %s",
		w->policy->name, cgroup, w->id, why);
	if (!s->sync_err) {
		s->sync_err = -EPERM;
		snprintf(s->sync_why, sizeof(s->sync_why),
			 "policy %s not set on %s: %s", w->policy->name,
			 cgroup, why);
	}
	if (s->refused)
		s->refused(s->refused_arg, w->policy, cgroup, w->id, why);
}

static int dg_sync_set_policy(struct dg_sync *s, struct dg_nl *nl,
			 const struct dg_want *w)
{
	const struct dg_policy *p = w->policy;
	char why[512];
	struct nl_msg *msg;
	int err;

	msg = dg_nl_msg(nl, DRIFTGUARD_CMD_POLICY_SET, 0);
	if (!msg) {
		dg_sync_refused(s, w, "out of memory");
		return -ENOMEM;
	}
	err = nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, w->id) ? -EMSGSIZE :
	      dg_policy_encode(msg, p);
	if (err) {
		/* The configuration kept the rules, and they fit: not expected. */
		if (err == -EINVAL)
			dg_policy_validate(p, why, sizeof(why));
		else
			snprintf(why, sizeof(why), "the request does not fit in %d KiB",
				 DG_NL_MSG_MAX / 1024);
		dg_sync_refused(s, w, why);
		nlmsg_free(msg);
		return -E2BIG;
	}
	err = dg_nl_request(nl, msg, NULL, NULL);
	if (!err) {
		s->set++;
		dgd_log("policy %s set on %s (cgroup id %" PRIu64 ")", p->name,
		       w->rel[0] ? w->rel : "/", w->id);
	} else if (err != -ENOENT) {
		/*
		 * -ENOENT: the cgroup went away meanwhile; its removal
		 * follows. Anything else leaves the cgroup without this
		 * policy (with its parent's, if any): say so, with the
		 * kernel's reason.
		 */
		snprintf(why, sizeof(why), "%s%s",
			 nl->extack[0] ? "kernel reports: " : "",
			 dg_nl_strerror(nl, err));
		dg_sync_refused(s, w, why);
	}
	return err == -ENOENT ? 0 : err;
}

static int dg_sync_del_policy(struct dg_sync *s, struct dg_nl *nl, uint64_t id)
{
	struct nl_msg *msg = dg_nl_msg(nl, DRIFTGUARD_CMD_POLICY_DEL, 0);
	int err;

	if (!msg)
		return -ENOMEM;
	if (nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = dg_nl_request(nl, msg, NULL, NULL);
	if (!err) {
		s->deleted++;
		dgd_log("policy deleted from cgroup id %" PRIu64, id);
	} else if (err != -ENOENT) {
		dgd_log("deleting the policy of cgroup id %" PRIu64 ": %s", id,
		       dg_nl_strerror(nl, err));
	}
	return err == -ENOENT ? 0 : err;
}

/* What the dump found: which wanted policies are in place, what is extra. */
struct dg_dump {
	struct dg_sync *s;
	bool *in_place;		/* per wanted entry */
	uint64_t *extra;
	size_t nextra, cap;
	int err;
};

/* No request can be sent from here: the dump is still arriving. */
static int dg_dump_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_dump *d = arg;
	struct dg_want *w;
	uint64_t id;

	if (dg_nl_parse(msg, tb) || !tb[DRIFTGUARD_A_CGROUP_ID])
		return NL_SKIP;
	id = nla_get_u64(tb[DRIFTGUARD_A_CGROUP_ID]);
	w = dg_want_find(d->s, id);
	if (w) {
		struct dg_policy kernel;

		if (dg_policy_decode(tb, &kernel, NULL)) {
			d->err = -ENOMEM;
			return NL_STOP;
		}
		d->in_place[w - d->s->want] = dg_policy_same(&kernel, w->policy);
		dg_policy_free(&kernel);
		return NL_OK;
	}
	if (d->nextra == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		uint64_t *v = realloc(d->extra, cap * sizeof(*v));

		if (!v) {
			d->err = -ENOMEM;
			return NL_STOP;
		}
		d->extra = v;
		d->cap = cap;
	}
	d->extra[d->nextra++] = id;
	return NL_OK;
}

/* A full sync that reached the module ended with @err (0 or -errno). */
static void dg_sync_outcome(struct dg_sync *s, int err, const char *what)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	s->synced_at = (uint64_t)now.tv_sec * 1000000000ULL +
		       (uint64_t)now.tv_nsec;
	/* A refusal during this sync has already said why. */
	if (err && !s->sync_err) {
		s->sync_err = err;
		snprintf(s->sync_why, sizeof(s->sync_why), "%s: %s", what,
			 strerror(-err));
	}
}

int dg_sync_full(struct dg_sync *s, const struct dg_config *cfg,
		 struct dg_nl *nl)
{
	struct dg_wantv wv = { .v = NULL };
	struct dg_dump d = { .s = s };
	size_t i;
	int err, ret = 0;

	if (nl) {
		s->sync_err = 0;
		s->sync_why[0] = '\0';
	}
	err = dg_walk(s, cfg, "", &wv);
	if (err) {
		/*
		 * The old set points into the configuration the caller is
		 * about to free: drop it. The kernel keeps its policies;
		 * the next sync completes them.
		 */
		dg_want_free(wv.v, wv.n);
		dg_want_free(s->want, s->nwant);
		s->want = NULL;
		s->nwant = 0;
		if (nl)
			dg_sync_outcome(s, err, "walking the cgroup tree");
		return err;
	}
	qsort(wv.v, wv.n, sizeof(*wv.v), dg_want_cmp);
	dg_want_free(s->want, s->nwant);
	s->want = wv.v;
	s->nwant = wv.n;
	if (!nl)
		return 0;

	d.in_place = calloc(s->nwant + 1, sizeof(*d.in_place));
	if (!d.in_place) {
		ret = -ENOMEM;
		goto out;
	}
	err = dg_nl_request(nl, dg_nl_msg(nl, DRIFTGUARD_CMD_POLICY_GET,
					  NLM_F_DUMP), dg_dump_cb, &d);
	if (!err)
		err = d.err;
	if (err) {
		dgd_log("reading the kernel's policies: %s", dg_nl_strerror(nl, err));
		ret = err;
		goto out;
	}
	for (i = 0; i < s->nwant; i++) {
		if (d.in_place[i])
			continue;
		err = dg_sync_set_policy(s, nl, &s->want[i]);
		if (err && !ret)
			ret = err;
	}
	for (i = 0; i < d.nextra; i++) {
		err = dg_sync_del_policy(s, nl, d.extra[i]);
		if (err && !ret)
			ret = err;
	}
out:
	dg_sync_outcome(s, ret, "setting the policies");
	free(d.in_place);
	free(d.extra);
	return ret;
}

/* --- cgroups coming and going ------------------------------------------- */

/* Adds (or replaces) the wanted entries of @wv, taking their strings. */
static int dg_want_merge(struct dg_sync *s, struct dg_wantv *wv)
{
	struct dg_want *v;
	size_t i;

	v = realloc(s->want, (s->nwant + wv->n + 1) * sizeof(*v));
	if (!v)
		return -ENOMEM;
	s->want = v;
	for (i = 0; i < wv->n; i++) {
		struct dg_want *old = dg_want_find(s, wv->v[i].id);

		if (old) {
			free(old->rel);
			*old = wv->v[i];
			continue;
		}
		s->want[s->nwant++] = wv->v[i];
		qsort(s->want, s->nwant, sizeof(*s->want), dg_want_cmp);
	}
	return 0;
}

static void dg_cgroup_added(struct dg_sync *s, const struct dg_config *cfg,
			    struct dg_nl *nl, const char *rel)
{
	struct dg_wantv wv = { .v = NULL };
	size_t i;

	if (dg_walk(s, cfg, rel, &wv) == -ENOMEM || dg_want_merge(s, &wv)) {
		dgd_log("out of memory adding cgroup %s", rel);
		dg_want_free(wv.v, wv.n);
		return;
	}
	for (i = 0; nl && i < wv.n; i++) {
		struct dg_want *w = dg_want_find(s, wv.v[i].id);

		if (w)
			dg_sync_set_policy(s, nl, w);
	}
	free(wv.v);
}

/* Forgets @rel and everything below it; their kernel policies go too. */
static void dg_cgroup_removed(struct dg_sync *s, struct dg_nl *nl,
			      const char *rel)
{
	size_t i, j, len = strlen(rel);

	for (i = 0, j = 0; i < s->nwant; i++) {
		struct dg_want *w = &s->want[i];

		if (!strcmp(w->rel, rel) ||
		    (!strncmp(w->rel, rel, len) && w->rel[len] == '/')) {
			/*
			 * The module keys policies by cgroup id; a removed
			 * cgroup's id is never reused, so its policy would
			 * only take memory (-ENOENT: already gone).
			 */
			if (nl)
				dg_sync_del_policy(s, nl, w->id);
			free(w->rel);
			continue;
		}
		s->want[j++] = *w;
	}
	s->nwant = j;
}

int dg_sync_cgroup_events(struct dg_sync *s, const struct dg_config *cfg,
			  struct dg_nl *nl)
{
	char buf[64 * 1024] __attribute__((aligned(__alignof__(struct inotify_event))));
	char rel[PATH_MAX];
	bool overflow = false;
	ssize_t n;
	char *p;

	for (;;) {
		n = read(s->ifd, buf, sizeof(buf));
		if (n < 0)
			break;
		for (p = buf; p < buf + n;
		     p += sizeof(struct inotify_event) +
			  ((struct inotify_event *)p)->len) {
			struct inotify_event *ev = (struct inotify_event *)p;
			const char *parent;

			if (ev->mask & IN_Q_OVERFLOW) {
				overflow = true;
				continue;
			}
			if (ev->wd < 0 || (size_t)ev->wd >= s->nwd ||
			    !s->wd_path[ev->wd])
				continue;
			if (ev->mask & IN_IGNORED) {
				free(s->wd_path[ev->wd]);
				s->wd_path[ev->wd] = NULL;
				continue;
			}
			if (!(ev->mask & IN_ISDIR) || !ev->len)
				continue;
			parent = s->wd_path[ev->wd];
			if (snprintf(rel, sizeof(rel), "%s%s%s", parent,
				     parent[0] ? "/" : "", ev->name) >=
			    (int)sizeof(rel))
				continue;
			if (ev->mask & (IN_CREATE | IN_MOVED_TO)) {
				dg_cgroup_added(s, cfg, nl, rel);
				if (s->added)
					s->added(s->added_arg, rel);
			}
			else if (ev->mask & (IN_DELETE | IN_MOVED_FROM))
				dg_cgroup_removed(s, nl, rel);
		}
	}
	if (errno != EAGAIN && errno != EINTR)
		return -errno;
	/* Events were lost: only a new walk knows the tree again. */
	if (overflow) {
		dgd_log("cgroup watch queue overflowed: walking the tree again");
		return dg_sync_full(s, cfg, nl);
	}
	return 0;
}

const struct dg_policy *dg_sync_policy_over(const struct dg_sync *s,
					    const char *rel)
{
	const struct dg_want *best = NULL;
	size_t i, len, blen = 0;

	for (i = 0; i < s->nwant; i++) {
		const struct dg_want *w = &s->want[i];

		len = strlen(w->rel);
		if (strncmp(w->rel, rel, len) ||
		    (rel[len] && rel[len] != '/' && len))
			continue;
		if (!best || len > blen) {
			best = w;
			blen = len;
		}
	}
	return best ? best->policy : NULL;
}
