// SPDX-License-Identifier: GPL-2.0
/* driftctl: help, from the command table, and "did you mean". */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "suggest.h"

#define DG_NCMDS dg_ncmds

/* Options every command takes, after its own help. */
static const char dg_common_opts[] =
	"  -j, --json          one JSON document on stdout; on failure\n"
	"                      {\"error\": MESSAGE, \"exit\": STATUS}\n"
	"  -h, --help          this help\n";

static const char dg_exit_codes[] =
	"Exit status: 0 success, 1 the operation failed, 2 usage error,\n"
	"3 the module is not loaded, 4 permission denied.\n";

/* The length of @name's first word: the group of "policy set". */
static size_t dg_group_len(const char *name)
{
	return strcspn(name, " ");
}

/* Is @word the group of some commands ("policy")? */
bool dg_is_group(const char *word)
{
	size_t i, len = strlen(word);

	for (i = 0; i < DG_NCMDS; i++)
		if (dg_cmds[i].name[len] == ' ' &&
		    !strncmp(dg_cmds[i].name, word, len))
			return true;
	return false;
}

/* The command named @w1, or @w1 @w2 (w2 may be NULL). */
const struct dg_cmd *dg_find(const char *w1, const char *w2)
{
	size_t i, len = strlen(w1);

	for (i = 0; i < DG_NCMDS; i++) {
		const char *name = dg_cmds[i].name;

		if (!strcmp(name, w1))
			return &dg_cmds[i];
		if (w2 && name[len] == ' ' && !strncmp(name, w1, len) &&
		    !strcmp(name + len + 1, w2))
			return &dg_cmds[i];
	}
	return NULL;
}

/*
 * Says that @w1 (@w2) names no command, with the nearest one there is:
 * a subcommand of the group @w1, or a command.
 */
void dg_unknown(const char *w1, const char *w2)
{
	const char *words[DG_CMDS_MAX] = { NULL }, *near;
	size_t i, n = 0, len = strlen(w1);
	bool group = w2 && dg_is_group(w1);

	for (i = 0; i < DG_NCMDS; i++) {
		const char *name = dg_cmds[i].name;
		size_t glen = dg_group_len(name);

		if (group) {
			if (glen == len && !strncmp(name, w1, len))
				words[n++] = name + len + 1;
		} else if (!n || strncmp(words[n - 1], name, glen) ||
			   words[n - 1][glen]) {
			/* A group once, by its first word. */
			words[n++] = strndup(name, glen);
		}
	}
	near = dg_suggest(group ? w2 : w1, words, n);
	if (near && group)
		dg_err("unknown command '%s %s'; did you mean '%s %s'?", w1, w2,
		       w1, near);
	else if (near)
		dg_err("unknown command '%s'; did you mean '%s'?", w1, near);
	else if (group)
		dg_err("unknown command '%s %s' (driftctl help %s lists them)",
		       w1, w2, w1);
	else
		dg_err("unknown command '%s' (driftctl --help lists them)", w1);
	for (i = 0; !group && i < n; i++)
		free((char *)words[i]);
}

/* "driftctl NAME USAGE", its wrapped lines indented under the first. */
void dg_print_usage(FILE *out, const char *lead, const struct dg_cmd *c)
{
	int indent = (int)(strlen(lead) + strlen("driftctl ") + strlen(c->name) + 1);
	const char *u = c->usage, *nl;

	fprintf(out, "%sdriftctl %s ", lead, c->name);
	while ((nl = strchr(u, '\n'))) {
		fprintf(out, "%.*s\n%*s", (int)(nl - u), u, indent, "");
		u = nl + 1;
	}
	fprintf(out, "%s\n", u);
}

/* The help of one command: usage, all of its help, the common options. */
static void dg_help_cmd(FILE *out, const struct dg_cmd *c)
{
	dg_print_usage(out, "usage: ", c);
	fprintf(out, "\n%s\n\nOptions of every command:\n%s\n%s", c->help,
		dg_common_opts, dg_exit_codes);
}

/* The commands of a group, or all (@group NULL): usage and summary each. */
static void dg_help_list(FILE *out, const char *group)
{
	size_t i, len = group ? strlen(group) : 0;

	for (i = 0; i < DG_NCMDS; i++) {
		const struct dg_cmd *c = &dg_cmds[i];

		if (group && (strncmp(c->name, group, len) || c->name[len] != ' '))
			continue;
		dg_print_usage(out, "  ", c);
		fprintf(out, "      %.*s\n", (int)strcspn(c->help, "\n"), c->help);
	}
}

static void dg_help_group(FILE *out, const char *group)
{
	fprintf(out, "usage: driftctl %s SUBCOMMAND [ARGS]\n\nSubcommands:\n",
		group);
	dg_help_list(out, group);
	fprintf(out, "\nRun 'driftctl help %s SUBCOMMAND' or 'driftctl %s "
		"SUBCOMMAND --help'\nfor the help of one.\n", group, group);
}

void dg_usage(FILE *out)
{
	fprintf(out, "usage: driftctl [--json] [--help] [--version] COMMAND [ARGS]\n\n"
		"Controls the driftguard kernel module over generic netlink.\n"
		"policy set/del, alert-only and lock need CAP_MAC_ADMIN or\n"
		"CAP_SYS_ADMIN (CAP_NET_ADMIN is not enough); status and policy\n"
		"get/list need one of those or CAP_NET_ADMIN; events needs\n"
		"CAP_SYS_ADMIN. CGROUP is a cgroup v2 directory, absolute\n"
		"(/sys/fs/cgroup/system.slice) or relative to the cgroup2 mount\n"
		"(system.slice). A policy covers its cgroup and every descendant\n"
		"without a policy of its own.\n\n"
		"Commands:\n");
	dg_help_list(out, NULL);
	fprintf(out, "\nOptions:\n"
		"  -j, --json          one JSON document on stdout, for every command\n"
		"                      (also after it: driftctl status --json)\n"
		"  -h, --help          this help; after a command, that command's\n"
		"  --version           the version of driftctl\n\n"
		"Run 'driftctl help COMMAND' or 'driftctl COMMAND --help' for the\n"
		"help of one command.\n\n%s", dg_exit_codes);
}

struct json_object *dg_help_json_cmd(const struct dg_cmd *c)
{
	struct json_object *o = json_object_new_object();
	char usage[512];
	char *p;

	snprintf(usage, sizeof(usage), "driftctl %s %s", c->name, c->usage);
	for (p = usage; (p = strchr(p, '\n')); )
		*p = ' ';
	json_object_object_add(o, "command", json_object_new_string(c->name));
	json_object_object_add(o, "usage", json_object_new_string(usage));
	json_object_object_add(o, "help", json_object_new_string(c->help));
	return o;
}

/*
 * The help of @w1 (@w2): a command's, a group's, or with @w1 NULL all of
 * it. Text goes to stdout, or with --json one document is the answer.
 */
int dg_help(struct dg_ctx *ctx, const char *w1, const char *w2)
{
	const struct dg_cmd *c = w1 ? dg_find(w1, w2) : NULL;
	bool group = w1 && !c && !w2 && dg_is_group(w1);
	size_t i, len = w1 ? strlen(w1) : 0;
	struct json_object *a;

	if (w1 && !c && !group) {
		dg_unknown(w1, w2);
		return dg_usage_error(ctx);
	}
	if (c && w2 && !strchr(c->name, ' ')) {
		dg_err("help: unexpected argument '%s'", w2);
		return dg_usage_error(ctx);
	}
	if (!ctx->json) {
		if (c)
			dg_help_cmd(stdout, c);
		else if (group)
			dg_help_group(stdout, w1);
		else
			dg_usage(stdout);
		return 0;
	}
	if (c) {
		dg_json_answer(ctx, dg_help_json_cmd(c));
		return 0;
	}
	a = json_object_new_array();
	for (i = 0; i < DG_NCMDS; i++)
		if (!group || (!strncmp(dg_cmds[i].name, w1, len) &&
			       dg_cmds[i].name[len] == ' '))
			json_object_array_add(a, dg_help_json_cmd(&dg_cmds[i]));
	dg_json_answer(ctx, a);
	return 0;
}

/* help's options: --json, and --help, which asks about help itself. */
int dg_parse_help(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	/*
	 * `driftctl help policy --help` asks about policy; only a bare
	 * `driftctl help --help` asks about help.
	 */
	optind = 1;
	while ((c = dg_getopt(ctx, argc, argv, ":jh", opts)) != -1) {
		if (c == 'j')
			ctx->json = true;
		else if (c == 'h')
			ctx->help_self = true;
		else
			return dg_usage_error(ctx);
	}
	return optind;
}

int cmd_help(struct dg_ctx *ctx, int argc, char **args)
{
	if (ctx->help_self && !argc)
		return dg_help(ctx, "help", NULL);
	return dg_help(ctx, argc > 0 ? args[0] : NULL, argc > 1 ? args[1] : NULL);
}
