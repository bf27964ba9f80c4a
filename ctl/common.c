// SPDX-License-Identifier: GPL-2.0
/* driftctl: messages, option parsing, the netlink call and JSON answers. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cgroup.h"
#include "ctl.h"

static char dg_first_err[1024];

/* Every message of driftctl goes out here: "driftctl: ..." on stderr. */
void dg_err(const char *fmt, ...)
{
	char msg[sizeof(dg_first_err)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "driftctl: %s\n", msg);
	if (!dg_first_err[0])
		memcpy(dg_first_err, msg, sizeof(msg));
}

int dg_usage_error(struct dg_ctx *ctx)
{
	ctx->usage_error = true;
	return -EINVAL;
}

int dg_connect(struct dg_ctx *ctx)
{
	int err = dg_nl_open(&ctx->nl);

	if (err == -ENOENT) {
		ctx->not_loaded = true;
		dg_err("the driftguard module is not loaded (try: modprobe driftguard)");
	} else if (err) {
		dg_err("cannot reach generic netlink: %s", strerror(-err));
	}
	return err;
}

/* Reports a failed request; the kernel's own words come first. */
static int dg_report(struct dg_ctx *ctx, const char *what, int err)
{
	if (ctx->nl.extack[0])
		dg_err("%s: kernel reports: %s", what, ctx->nl.extack);
	else
		dg_err("%s: %s", what, dg_nl_strerror(&ctx->nl, err));
	return err;
}

/* Sends a request built by the caller; connects first. */
int dg_call(struct dg_ctx *ctx, const char *what, struct nl_msg *msg,
		   int (*cb)(struct nl_msg *, void *), void *arg)
{
	int err;

	if (!msg)
		return -ENOMEM;
	err = dg_nl_request(&ctx->nl, msg, cb, arg);
	return err ? dg_report(ctx, what, err) : 0;
}

/*
 * getopt_long() with driftctl's messages (opterr is 0): an unknown option,
 * a value where none belongs, or a missing value is reported here, and
 * getopt's '?' or ':' comes back for the caller to call it a usage error.
 * @shortopts must start with ':' so a missing value is told apart.
 */
int dg_getopt(struct dg_ctx *ctx, int argc, char **argv,
		     const char *shortopts, const struct option *opts)
{
	const char *name = ctx->cmd ? ctx->cmd->name : "";
	const char *arg;
	int c;

	c = getopt_long(argc, argv, shortopts, opts, NULL);
	if (c != '?' && c != ':')
		return c;
	arg = optind > 1 ? argv[optind - 1] : "";
	if (c == ':') {
		dg_err("%s: option '%s' needs a value", name, arg);
	} else if (!strncmp(arg, "--", 2)) {
		const char *eq = strchr(arg, '=');
		const struct option *o;

		for (o = opts; eq && o->name; o++)
			if (strlen(o->name) == (size_t)(eq - arg - 2) &&
			    !strncmp(o->name, arg + 2, (size_t)(eq - arg - 2)))
				break;
		if (eq && o->name)
			dg_err("%s: option '--%s' takes no value", name, o->name);
		else
			dg_err("%s: unknown option '%s'", name, arg);
	} else {
		dg_err("%s: unknown option '-%c'", name, optopt);
	}
	return c;
}

/*
 * Parses --json and --config-dir DIR (the driftguard.conf whose runtime
 * roots say where containers' images and names are read); returns the
 * index of the first operand, or -EINVAL.
 */
int dg_parse_config_dir(struct dg_ctx *ctx, int argc, char **argv)
{
	const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "config-dir", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 1;
	while ((c = dg_getopt(ctx, argc, argv, ":j", opts)) != -1) {
		if (c == 'j')
			ctx->json = true;
		else if (c == 'c' && optarg[0])
			ctx->config_dir = optarg;
		else
			return dg_usage_error(ctx);
	}
	return optind;
}

/*
 * The runtimes' roots of CONFIG_DIR/driftguard.conf (--config-dir, else
 * /etc/driftguard), as driftguardd reads them; *@cfg holds them (free it).
 * Without --config-dir, a missing file gives the defaults; any other
 * failure is an error naming the file.
 */
int dg_ctl_roots(struct dg_ctx *ctx, struct dg_config **cfg,
		 struct dg_context_roots *roots)
{
	const char *dir = ctx->config_dir ? ctx->config_dir : DG_CTL_CONFIG_DIR;
	char file[4096], err[DG_CONFIG_ERR_MAX];
	int ret;

	snprintf(file, sizeof(file), "%s/driftguard.conf", dir);
	if (!ctx->config_dir && access(file, F_OK) && errno == ENOENT) {
		*cfg = dg_config_new();
		ret = *cfg ? 0 : -ENOMEM;
	} else {
		ret = dg_config_load(file, NULL, cfg, err, sizeof(err));
		if (ret)
			dg_err("%s", err);
	}
	if (ret)
		return ret;
	roots->docker = (*cfg)->daemon.docker_root;
	roots->containerd = (*cfg)->daemon.containerd_state;
	roots->crio = (*cfg)->daemon.crio_state;
	roots->podman = (*cfg)->daemon.podman_root;
	return 0;
}

/* A warning on stderr that is not the command's error. */
void dg_ctl_log(const char *fmt, ...)
{
	va_list ap;

	fputs("driftctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Parses only --json; returns the index of the first operand, or -EINVAL. */
int dg_parse_json_opt(struct dg_ctx *ctx, int argc, char **argv)
{
	const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 1;
	while ((c = dg_getopt(ctx, argc, argv, ":j", opts)) != -1) {
		if (c != 'j')
			return dg_usage_error(ctx);
		ctx->json = true;
	}
	return optind;
}

/*
 * After the options at @argv[first...]: as many operands as the command
 * takes, the first named by its table row when it is missing.
 */
int dg_operands(struct dg_ctx *ctx, int argc, char **argv, int first)
{
	const struct dg_cmd *c = ctx->cmd;

	if (first < 0)
		return first;
	if (argc - first < c->min_args) {
		dg_err("%s: %s is missing", c->name, c->arg);
		return dg_usage_error(ctx);
	}
	if (c->max_args != DG_ARGS_MANY && argc - first > c->max_args) {
		dg_err("%s: unexpected argument '%s'", c->name,
		       argv[first + c->max_args]);
		return dg_usage_error(ctx);
	}
	return 0;
}

/* Prints @o as one line and drops it. */
void dg_json_print(struct json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stdout);
	json_object_put(o);
}

/* Makes @o the command's answer, replacing any earlier one. */
void dg_json_answer(struct dg_ctx *ctx, struct json_object *o)
{
	json_object_put(ctx->doc);
	ctx->doc = o;
}

/* The cgroup operand as an absolute path and id; reports what is wrong. */
int dg_cgroup_arg(const char *arg, char *path, size_t size, uint64_t *id)
{
	const char *root = dg_cgroup_root();
	int err;

	err = dg_cgroup_path(root, arg, path, size);
	if (err) {
		dg_err("%s: not under the cgroup2 mount %s", arg, root);
		return err;
	}
	err = dg_cgroup_id(path, id);
	if (err == -EINVAL)
		dg_err("%s: not a cgroup v2 directory", path);
	else if (err)
		dg_err("%s: %s", path, strerror(-err));
	return err;
}

/* A request about cgroup @id alone. NULL on allocation failure. */
struct nl_msg *dg_cgroup_msg(struct dg_ctx *ctx, uint8_t cmd, uint64_t id)
{
	struct nl_msg *msg = dg_nl_msg(&ctx->nl, cmd, 0);

	if (msg && nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}


const char *dg_first_error(void)
{
	return dg_first_err;
}
