// SPDX-License-Identifier: GPL-2.0
/* driftctl: the control CLI of the driftguard module; main() and its prologue. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"

/*
 * Runs @ctx->cmd on its words' arguments, as its table row says: options,
 * operands, the cgroup, the check, the connection, the command.
 */
static int dg_run(struct dg_ctx *ctx, int argc, char **argv)
{
	const struct dg_cmd *c = ctx->cmd;
	int first, err;

	optind = 1;
	first = c->parse ? c->parse(ctx, argc, argv) :
		dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, first);
	if (err)
		return err;
	argc -= first;
	argv += first;
	if (c->needs & DG_NEEDS_CGROUP) {
		err = dg_cgroup_arg(argv[0], ctx->cgroup, sizeof(ctx->cgroup),
				    &ctx->cgroup_id);
		if (err)
			return err;
	}
	if (c->check) {
		err = c->check(ctx, argc, argv);
		if (err)
			return err;
	}
	if (c->needs & DG_NEEDS_NL) {
		err = dg_connect(ctx);
		if (err)
			return err;
	}
	return c->run(ctx, argc, argv);
}

/* Does @argv ask for help (-h, --help) or JSON before any "--"? */
static bool dg_has_opt(int argc, char **argv, const char *s, const char *l)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], s) || !strcmp(argv[i], l))
			return true;
	return false;
}

static int dg_exit_status(const struct dg_ctx *ctx, int err)
{
	if (ctx->usage_error)
		return EXIT_USAGE;
	if (!err)
		return EXIT_OK;
	if (ctx->not_loaded)
		return EXIT_NOT_LOADED;
	if (err == -EPERM || err == -EACCES)
		return EXIT_PERM;
	return EXIT_FAIL;
}

/*
 * The end of every run: with --json exactly one document goes to stdout,
 * the command's answer or the error object; a usage error names the usage.
 */
static int dg_finish(struct dg_ctx *ctx, int err)
{
	int status = dg_exit_status(ctx, err);
	char usage[512] = "";

	if (ctx->usage_error && ctx->cmd) {
		struct json_object *o = dg_help_json_cmd(ctx->cmd);

		snprintf(usage, sizeof(usage), "%s",
			 json_object_get_string(json_object_object_get(o, "usage")));
		json_object_put(o);
		if (!ctx->json)
			dg_print_usage(stderr, "usage: ", ctx->cmd);
	}
	if (ctx->json && (!status || ctx->verdict) && ctx->doc) {
		dg_json_print(ctx->doc);
	} else if (ctx->json && status) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "error", json_object_new_string(
			dg_first_error()[0] ? dg_first_error() : strerror(-err)));
		json_object_object_add(o, "exit", json_object_new_int(status));
		if (usage[0])
			json_object_object_add(o, "usage",
					       json_object_new_string(usage));
		dg_json_print(o);
		json_object_put(ctx->doc);
	} else {
		json_object_put(ctx->doc);
	}
	ctx->doc = NULL;
	return status;
}

int main(int argc, char **argv)
{
	struct dg_ctx ctx = { .json = false };
	const char *w1, *w2;
	int i, err, words;

	opterr = 0;
	/* Options before the command: driftctl --json status. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json")) {
			ctx.json = true;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			return dg_finish(&ctx, dg_help(&ctx, NULL, NULL));
		} else if (!strcmp(argv[i], "--version")) {
			if (!ctx.json) {
				printf("driftctl %s\n", DRIFTGUARD_VERSION);
				return EXIT_OK;
			}
			ctx.doc = json_object_new_object();
			json_object_object_add(ctx.doc, "version",
				json_object_new_string(DRIFTGUARD_VERSION));
			return dg_finish(&ctx, 0);
		} else {
			dg_err("unknown option '%s' (driftctl --help lists them)",
			       argv[i]);
			ctx.usage_error = true;
			return dg_finish(&ctx, -EINVAL);
		}
	}
	if (i == argc) {
		if (ctx.json)
			dg_err("no command given (driftctl --help lists them)");
		else
			dg_usage(stderr);
		ctx.usage_error = true;
		return dg_finish(&ctx, -EINVAL);
	}

	w1 = argv[i];
	w2 = i + 1 < argc ? argv[i + 1] : NULL;
	/*
	 * --json anywhere before "--" counts from the start, so that a usage
	 * error before the command's parser reaches it is a document too.
	 */
	ctx.json = ctx.json || dg_has_opt(argc - i, argv + i, "-j", "--json");
	/* A group alone lists its subcommands: driftctl policy. */
	if (dg_is_group(w1) && (!w2 || w2[0] == '-'))
		return dg_finish(&ctx, dg_help(&ctx, w1, NULL));
	ctx.cmd = dg_find(w1, w2);
	if (!ctx.cmd) {
		dg_unknown(w1, w2);
		ctx.usage_error = true;
		return dg_finish(&ctx, -EINVAL);
	}
	words = strchr(ctx.cmd->name, ' ') ? 2 : 1;
	/* The command's own words end at its last: that is its argv[0]. */
	argc -= i + words - 1;
	argv += i + words - 1;
	if (!(ctx.cmd->needs & DG_OWN_HELP) &&
	    dg_has_opt(argc, argv, "-h", "--help"))
		return dg_finish(&ctx, dg_help(&ctx, ctx.cmd->name, NULL));
	err = dg_run(&ctx, argc, argv);
	dg_nl_close(&ctx.nl);
	dg_policy_free(&ctx.policy);
	return dg_finish(&ctx, err);
}

