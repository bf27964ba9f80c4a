// SPDX-License-Identifier: GPL-2.0
/* driftctl: capture show and list, driftguardd's investigation captures. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "capdir.h"
#include "ctl.h"

#define DG_CAPTURE_FORMAT	"driftguard-capture/1"	/* daemon/capture.h */
#define DG_CAPTURE_READ_MAX	(1ULL << 30)		/* capture_max_bytes' top */

static const char *dg_s(struct json_object *o, const char *key)
{
	struct json_object *v;

	return o && json_object_object_get_ex(o, key, &v) &&
	       !json_object_is_type(v, json_type_null) ? json_object_get_string(v) : "";
}

static size_t dg_n(struct json_object *o, const char *key)
{
	struct json_object *v;

	return json_object_object_get_ex(o, key, &v) &&
	       json_object_is_type(v, json_type_array) ?
	       json_object_array_length(v) : 0;
}

/* Reads @file as a capture; NULL (and the error said) when it is none. */
static struct json_object *dg_capture_read(const char *file, int *err)
{
	struct json_object *doc;
	struct stat st;

	if (stat(file, &st)) {
		*err = -errno;
		dg_err("%s: %s", file, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > DG_CAPTURE_READ_MAX) {
		*err = -EINVAL;
		dg_err("%s: not a driftguard capture (%s)", file,
		       S_ISREG(st.st_mode) ? "larger than 1 GiB" : "not a regular file");
		return NULL;
	}
	doc = json_object_from_file(file);
	if (!doc || !json_object_is_type(doc, json_type_object) ||
	    strcmp(dg_s(doc, "format"), DG_CAPTURE_FORMAT)) {
		*err = -EINVAL;
		dg_err("%s: not a driftguard capture (no \"format\": \"%s\")",
		       file, DG_CAPTURE_FORMAT);
		json_object_put(doc);
		return NULL;
	}
	return doc;
}

/* The container as a person names it: name, else id (12), else cgroup. */
static void dg_who(struct json_object *rec, char *buf, size_t size)
{
	if (dg_s(rec, "container_name")[0])
		snprintf(buf, size, "%s", dg_s(rec, "container_name"));
	else if (dg_s(rec, "container_id")[0])
		snprintf(buf, size, "%.12s", dg_s(rec, "container_id"));
	else
		snprintf(buf, size, "%s", dg_s(rec, "cgroup")[0] ?
			 dg_s(rec, "cgroup") : "-");
}

static void dg_show_changes(struct json_object *doc)
{
	struct json_object *arr, *e;
	size_t i;

	json_object_object_get_ex(doc, "changes", &arr);
	printf("\nchanges (%zu), upper layer %s:\n", dg_n(doc, "changes"),
	       dg_s(doc, "upperdir")[0] ? dg_s(doc, "upperdir") : "unknown");
	for (i = 0; i < dg_n(doc, "changes"); i++) {
		e = json_object_array_get_idx(arr, i);
		if (!strcmp(dg_s(e, "change"), "deleted")) {
			printf("  %-8s %s\n", "deleted", dg_s(e, "path"));
			continue;
		}
		printf("  %-8s %-7s %s %5s:%-5s %10s  %.19s  %s", dg_s(e, "change"),
		       dg_s(e, "type"), dg_s(e, "mode"), dg_s(e, "uid"),
		       dg_s(e, "gid"), dg_s(e, "size"), dg_s(e, "mtime"),
		       dg_s(e, "path"));
		if (dg_s(e, "target")[0])
			printf(" -> %s", dg_s(e, "target"));
		if (dg_s(e, "sha256")[0])
			printf("\n%-12ssha256 %s", "", dg_s(e, "sha256"));
		if (json_object_object_get_ex(e, "metacopy", NULL))
			printf("  (metadata only: the data is the image's)");
		putchar('\n');
	}
}

static void dg_show_procs(struct json_object *doc)
{
	struct json_object *arr, *e;
	size_t i;

	json_object_object_get_ex(doc, "processes", &arr);
	printf("\nprocesses (%zu):\n  %7s %7s %6s  %-24s %s\n",
	       dg_n(doc, "processes"), "PID", "PPID", "UID", "EXE", "CMDLINE");
	for (i = 0; i < dg_n(doc, "processes"); i++) {
		e = json_object_array_get_idx(arr, i);
		printf("  %7s %7s %6s  %-24s %s\n", dg_s(e, "pid"), dg_s(e, "ppid"),
		       dg_s(e, "uid"), dg_s(e, "exe")[0] ? dg_s(e, "exe") : "-",
		       dg_s(e, "cmdline"));
	}
}

static void dg_show_list(struct json_object *doc, const char *key,
			 const char *title)
{
	struct json_object *arr;
	size_t i;

	if (!dg_n(doc, key))
		return;
	json_object_object_get_ex(doc, key, &arr);
	printf("\n%s:\n", title);
	for (i = 0; i < json_object_array_length(arr); i++)
		printf("  %s\n", json_object_get_string(json_object_array_get_idx(arr, i)));
}

int cmd_capture_show(struct dg_ctx *ctx, int argc, char **args)
{
	struct json_object *doc, *rec = NULL;
	char who[512];
	int err = 0;

	(void)argc;
	doc = dg_capture_read(args[0], &err);
	if (!doc)
		return err;
	if (ctx->json) {
		dg_json_answer(ctx, doc);
		return 0;
	}
	json_object_object_get_ex(doc, "record", &rec);
	dg_who(rec, who, sizeof(who));
	printf("capture    %s\n", args[0]);
	printf("taken      %s\n", dg_s(doc, "time"));
	printf("record     %s %s %s %s: %s\n", dg_s(rec, "uuid"),
	       dg_s(rec, "action"), dg_s(rec, "class"), dg_s(rec, "hook"),
	       dg_s(rec, "path"));
	printf("container  %s%s%s%s%s\n", who,
	       dg_s(rec, "runtime")[0] ? " (" : "", dg_s(rec, "runtime"),
	       dg_s(rec, "runtime")[0] ? ")" : "",
	       dg_s(rec, "container_id")[0] ? "" : " (no runtime known)");
	if (dg_s(rec, "image")[0] || dg_s(rec, "image_id")[0])
		printf("image      %s %s\n", dg_s(rec, "image"), dg_s(rec, "image_id"));
	if (dg_s(rec, "k8s_pod")[0])
		printf("pod        %s/%s\n", dg_s(rec, "k8s_namespace"),
		       dg_s(rec, "k8s_pod"));
	printf("cgroup     %s\n", dg_s(rec, "cgroup"));
	printf("policy     %s\n", dg_s(rec, "policy")[0] ? dg_s(rec, "policy") : "-");
	dg_show_changes(doc);
	dg_show_procs(doc);
	dg_show_list(doc, "truncated", "cut short by capture_max_entries or capture_max_bytes");
	dg_show_list(doc, "errors", "not read");
	json_object_put(doc);
	return 0;
}

int cmd_capture_list(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_config *cfg = NULL;
	struct dg_context_roots roots;
	char **names, path[8192], who[512];
	size_t n, i;
	int err;

	(void)argc;
	(void)args;
	err = dg_ctl_roots(ctx, &cfg, &roots);
	if (err)
		return err;
	err = dg_capture_names(cfg->daemon.capture_dir, &names, &n);
	if (err && err != -ENOENT) {
		dg_err("%s: %s", cfg->daemon.capture_dir, strerror(-err));
		dg_config_free(cfg);
		return err;
	}
	err = 0;
	if (ctx->json)
		dg_json_answer(ctx, json_object_new_array());
	else if (n)
		printf("%-24s %-24s %-8s %-7s %-7s %s\n", "TAKEN", "CONTAINER",
		       "ACTION", "CHANGES", "PROCS", "FILE");
	for (i = 0; i < n; i++) {
		struct json_object *doc, *rec = NULL, *o;
		int rerr;

		snprintf(path, sizeof(path), "%s/%s", cfg->daemon.capture_dir, names[i]);
		free(names[i]);
		doc = dg_capture_read(path, &rerr);
		if (!doc) {
			err = err ? err : rerr;
			continue;
		}
		json_object_object_get_ex(doc, "record", &rec);
		dg_who(rec, who, sizeof(who));
		if (ctx->json) {
			o = json_object_new_object();
			json_object_object_add(o, "file", json_object_new_string(path));
			json_object_object_add(o, "time", json_object_new_string(dg_s(doc, "time")));
			json_object_object_add(o, "container", json_object_new_string(who));
			json_object_object_add(o, "record_uuid", json_object_new_string(dg_s(rec, "uuid")));
			json_object_object_add(o, "path", json_object_new_string(dg_s(rec, "path")));
			json_object_object_add(o, "changes", json_object_new_uint64(dg_n(doc, "changes")));
			json_object_object_add(o, "processes", json_object_new_uint64(dg_n(doc, "processes")));
			json_object_array_add(ctx->doc, o);
		} else {
			printf("%-24.24s %-24.24s %-8s %-7zu %-7zu %s\n", dg_s(doc, "time"),
			       who, dg_s(rec, "action"), dg_n(doc, "changes"),
			       dg_n(doc, "processes"), path);
		}
		json_object_put(doc);
	}
	free(names);
	if (!ctx->json && !n)
		printf("no captures in %s\n", cfg->daemon.capture_dir);
	dg_config_free(cfg);
	/* Every file looked at: the list is the answer, the others said. */
	ctx->verdict = true;
	return err;
}
