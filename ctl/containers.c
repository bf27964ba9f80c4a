// SPDX-License-Identifier: GPL-2.0
/* driftctl: containers, the node's running containers, their images and policies. */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cgroup.h"
#include "container.h"
#include "ctl.h"
#include "names.h"

#define DG_WALK_DEPTH	32	/* cgroup levels looked into */

/* A policy in the module: where it is and its drift mode. */
struct dg_kpolicy {
	uint64_t id;
	char path[4096];	/* relative to the cgroup2 mount */
	int mode;
};

struct dg_kpolicies {
	struct dg_kpolicy *v;
	size_t n;
	int err;
};

struct dg_row {
	struct dg_container c;
	char cgroup[4096];	/* its own, relative to the cgroup2 mount */
	struct dg_context ctx;
	const struct dg_kpolicy *policy;	/* NULL: none */
	const char *policy_name;		/* of the configuration; "" */
};

struct dg_rows {
	struct dg_row *v;
	size_t n, cap;
	int err;
};

static const char *dg_rel(const char *path)
{
	const char *root = dg_cgroup_root();
	size_t len = strlen(root);

	if (!strncmp(path, root, len) && (path[len] == '/' || !path[len]))
		path += len;
	while (*path == '/')
		path++;
	return path;
}

static int dg_kpolicy_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_kpolicies *kp = arg;
	struct dg_kpolicy *v;
	struct dg_policy p;
	char path[4096];
	uint64_t id;

	if (dg_nl_parse(msg, tb))
		return NL_SKIP;
	if (dg_policy_decode(tb, &p, &id)) {
		kp->err = -ENOMEM;
		return NL_STOP;
	}
	/* A policy on a removed cgroup covers no running container. */
	if (!dg_cgroup_find(dg_cgroup_root(), id, path, sizeof(path))) {
		v = realloc(kp->v, (kp->n + 1) * sizeof(*v));
		if (!v) {
			kp->err = -ENOMEM;
			dg_policy_free(&p);
			return NL_STOP;
		}
		kp->v = v;
		v[kp->n].id = id;
		snprintf(v[kp->n].path, sizeof(v[kp->n].path), "%s", dg_rel(path));
		v[kp->n].mode = p.mode;
		kp->n++;
	}
	dg_policy_free(&p);
	return NL_OK;
}

/*
 * The policy in force for @cgroup: its own, or its nearest ancestor's (the
 * module's inheritance), by the ids of the directories on the way up.
 */
static const struct dg_kpolicy *dg_covering(const struct dg_kpolicies *kp,
					    const char *cgroup)
{
	char path[4096], *slash;
	uint64_t id;
	size_t i, root_len;

	if (snprintf(path, sizeof(path), "%s/%s", dg_cgroup_root(), cgroup) >=
	    (int)sizeof(path))
		return NULL;
	root_len = strlen(dg_cgroup_root());
	for (;;) {
		if (!dg_cgroup_id(path, &id))
			for (i = 0; i < kp->n; i++)
				if (kp->v[i].id == id)
					return &kp->v[i];
		slash = strrchr(path, '/');
		if (!slash || (size_t)(slash - path) < root_len)
			return NULL;
		*slash = '\0';
	}
}

static void dg_walk(struct dg_rows *rows, const char *rel, int depth)
{
	char path[4096], sub[4096];
	struct dg_container c;
	struct dirent *de;
	struct dg_row *v;
	DIR *d;

	if (depth > DG_WALK_DEPTH || rows->err)
		return;
	if (snprintf(path, sizeof(path), "%s/%s", dg_cgroup_root(), rel) >=
	    (int)sizeof(path))
		return;
	/* A container's own cgroup; one below it belongs to it already. */
	if (rel[0] && !dg_container_from_cgroup(rel, &c) &&
	    c.cgroup_len == strlen(rel)) {
		if (rows->n == rows->cap) {
			v = realloc(rows->v, (rows->cap * 2 + 16) * sizeof(*v));
			if (!v) {
				rows->err = -ENOMEM;
				return;
			}
			rows->v = v;
			rows->cap = rows->cap * 2 + 16;
		}
		memset(&rows->v[rows->n], 0, sizeof(rows->v[0]));
		rows->v[rows->n].c = c;
		snprintf(rows->v[rows->n].cgroup, sizeof(rows->v[0].cgroup), "%s", rel);
		rows->n++;
	}
	d = opendir(path);
	if (!d)
		return;	/* gone meanwhile */
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		if (snprintf(sub, sizeof(sub), "%s%s%s", rel, rel[0] ? "/" : "",
			     de->d_name) >= (int)sizeof(sub))
			continue;
		dg_walk(rows, sub, depth + 1);
	}
	closedir(d);
}

static int dg_row_cmp(const void *a, const void *b)
{
	const struct dg_row *x = a, *y = b;

	return strcmp(x->cgroup, y->cgroup);
}

/* The configuration's name for the policy on @cgroup: its pattern matches. */
static const char *dg_policy_name(const struct dg_config *cfg, const char *cgroup)
{
	size_t i;

	for (i = 0; cfg && i < cfg->npolicies; i++)
		if (!fnmatch(cfg->policies[i].cgroup, cgroup, FNM_PATHNAME))
			return cfg->policies[i].name;
	return "";
}

static const char *dg_or_dash(const char *s)
{
	return s && s[0] ? s : "-";
}

/* "yes" (a tag), "no" (a digest), "-" (no image known). */
static const char *dg_mutable_word(const struct dg_context *x)
{
	return !x->image[0] ? "-" : dg_context_mutable(x->image) ? "yes" : "no";
}

static void dg_print_table(const struct dg_rows *rows)
{
	char pod[520], digest[20];
	size_t i;

	printf("%-10s %-12s %-20s %-32s %-19s %-28s %-24s %-7s %s\n", "RUNTIME",
	       "ID", "NAME", "IMAGE", "DIGEST", "K8S", "POLICY", "MODE",
	       "MUTABLE");
	for (i = 0; i < rows->n; i++) {
		const struct dg_row *r = &rows->v[i];
		const struct dg_context *x = &r->ctx;

		if (x->k8s_pod[0])
			snprintf(pod, sizeof(pod), "%s/%s", x->k8s_namespace, x->k8s_pod);
		else
			snprintf(pod, sizeof(pod), "-");
		/* "sha256:" and 12 digits, as docker ps shortens ids. */
		snprintf(digest, sizeof(digest), "%.19s", dg_or_dash(x->image_id));
		printf("%-10s %-12.12s %-20s %-32s %-19s %-28s %-24s %-7s %s\n",
		       dg_runtime_name(r->c.runtime), r->c.id,
		       dg_or_dash(x->container_name), dg_or_dash(x->image), digest,
		       pod,
		       r->policy ? (r->policy_name[0] ? r->policy_name :
				    r->policy->path) : "-",
		       r->policy ? dg_mode_name(r->policy->mode) : "-",
		       dg_mutable_word(x));
	}
}

static struct json_object *dg_rows_json(const struct dg_rows *rows)
{
	struct json_object *a = json_object_new_array(), *o;
	size_t i;

	for (i = 0; a && i < rows->n; i++) {
		const struct dg_row *r = &rows->v[i];

		o = json_object_new_object();
		json_object_object_add(o, "runtime", json_object_new_string(
			dg_runtime_name(r->c.runtime)));
		json_object_object_add(o, "container_id", json_object_new_string(r->c.id));
		if (r->c.pod_uid[0])
			json_object_object_add(o, "pod_uid",
					       json_object_new_string(r->c.pod_uid));
		json_object_object_add(o, "cgroup", json_object_new_string(r->cgroup));
		dg_context_json(o, &r->ctx);
		json_object_object_add(o, "mutable_tag", r->ctx.image[0] ?
			json_object_new_boolean(dg_context_mutable(r->ctx.image)) : NULL);
		json_object_object_add(o, "policy", r->policy && r->policy_name[0] ?
			json_object_new_string(r->policy_name) : NULL);
		json_object_object_add(o, "policy_cgroup", r->policy ?
			json_object_new_string(r->policy->path) : NULL);
		json_object_object_add(o, "mode", json_object_new_string(
			r->policy ? dg_mode_name(r->policy->mode) : "off"));
		json_object_array_add(a, o);
	}
	return a;
}

int cmd_containers(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_kpolicies kp = { 0 };
	struct dg_rows rows = { 0 };
	struct dg_context_roots roots;
	struct dg_config *cfg = NULL, *pcfg = NULL;
	char pdir[4096], why[2048], perr[DG_CONFIG_ERR_MAX];
	size_t i;
	int err;

	(void)argc;
	(void)args;
	err = dg_ctl_roots(ctx, &cfg, &roots);
	if (err)
		return err;
	err = dg_call(ctx, "containers",
		      dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_GET, NLM_F_DUMP),
		      dg_kpolicy_cb, &kp);
	if (!err && kp.err)
		err = kp.err;
	if (err)
		goto out;
	/* The policies' names, when the configuration directory has them. */
	snprintf(pdir, sizeof(pdir), "%s/policy.d",
		 ctx->config_dir ? ctx->config_dir : DG_CTL_CONFIG_DIR);
	if (dg_config_load(NULL, pdir, &pcfg, perr, sizeof(perr)))
		pcfg = NULL;
	dg_walk(&rows, "", 0);
	if (rows.err) {
		err = rows.err;
		dg_err("out of memory");
		goto out;
	}
	qsort(rows.v, rows.n, sizeof(rows.v[0]), dg_row_cmp);
	for (i = 0; i < rows.n; i++) {
		struct dg_row *r = &rows.v[i];

		/* Unknown fields stay empty; what is wrong is said once each. */
		err = dg_context_read(&r->c, &roots, &r->ctx, why, sizeof(why));
		if (err && err != -ENOENT)
			dg_ctl_log("container %.12s (%s): %s", r->c.id,
				   dg_runtime_name(r->c.runtime), why);
		r->policy = dg_covering(&kp, r->cgroup);
		r->policy_name = r->policy ? dg_policy_name(pcfg, r->policy->path) : "";
	}
	err = 0;
	if (ctx->json)
		dg_json_answer(ctx, dg_rows_json(&rows));
	else
		dg_print_table(&rows);
out:
	free(rows.v);
	free(kp.v);
	dg_config_free(cfg);
	dg_config_free(pcfg);
	return err;
}
