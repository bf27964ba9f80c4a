/* SPDX-License-Identifier: GPL-2.0 */
/* driftctl: what its commands share: the context, the table, the helpers. */
#ifndef DG_CTL_H
#define DG_CTL_H

#include <stdbool.h>
#include <stdint.h>
#include <getopt.h>
#include <stdio.h>
#include <json-c/json.h>

#include "config.h"
#include "context.h"
#include "nl.h"
#include "policy.h"

/* Exit codes; documented in --help and driftctl(8). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
	EXIT_NOT_LOADED = 3,
	EXIT_PERM = 4,
};

struct dg_cmd;

struct dg_ctx {
	struct dg_nl nl;
	const struct dg_cmd *cmd;	/* the command being run */
	bool json;
	bool usage_error;
	bool not_loaded;
	/*
	 * The one JSON document --json prints, left here by the command and
	 * printed by main(): on failure the error object replaces it, unless
	 * it is a verdict (verify-log's, on a broken chain).
	 */
	struct json_object *doc;
	bool verdict;
	/* The CGROUP operand, resolved by the prologue (DG_NEEDS_CGROUP). */
	char cgroup[4096];
	uint64_t cgroup_id;
	/* policy set: the policy its options give (dg_parse_policy_set). */
	struct dg_policy policy;
	/* help: --help given to help itself (dg_parse_help). */
	bool help_self;
	/* --config-dir (dg_parse_config_dir): NULL, the default. */
	const char *config_dir;
};

#define DG_CTL_CONFIG_DIR	"/etc/driftguard"

/* What the prologue does before a command runs (bits of dg_cmd.needs). */
enum {
	DG_NEEDS_CGROUP = 1 << 0,	/* the first operand is a CGROUP */
	DG_NEEDS_NL = 1 << 1,		/* connected to the module */
	DG_OWN_HELP = 1 << 2,		/* -h/--help is its operand, not a request */
};

#define DG_ARGS_MANY	(-1)		/* no upper bound */

/*
 * One row per command: dispatch, the prologue, --help, `driftctl help NAME`
 * and the "did you mean" hints all read this table. @name is one word, or a
 * group and a subcommand ("policy set"); @usage is what follows the name, a
 * newline where a long one wraps; the first line of @help is the summary
 * that `driftctl --help` lists.
 *
 * main() runs every command the same way: @parse reads the options (NULL:
 * --json alone) and returns the index of the first operand; there must be
 * @min_args to @max_args operands (@arg names the first when it is missing);
 * with DG_NEEDS_CGROUP the first is resolved into ctx->cgroup and
 * ctx->cgroup_id; @check (may be NULL) judges the operands; with
 * DG_NEEDS_NL the module is connected; then @run gets the operands alone.
 * Each step's failure is the command's: nothing after it runs.
 */
struct dg_cmd {
	const char *name;
	int (*parse)(struct dg_ctx *ctx, int argc, char **argv);
	int min_args, max_args;
	const char *arg;
	unsigned int needs;
	int (*check)(struct dg_ctx *ctx, int argc, char **args);
	int (*run)(struct dg_ctx *ctx, int argc, char **args);
	const char *usage;
	const char *help;
};

#define DG_CMDS_MAX	32	/* rows of dg_cmds, at most */
extern const struct dg_cmd dg_cmds[];
extern const size_t dg_ncmds;

/* common.c */
void dg_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The first message of this run: the "error" of --json's error object. */
const char *dg_first_error(void);
int dg_usage_error(struct dg_ctx *ctx);
int dg_connect(struct dg_ctx *ctx);
int dg_call(struct dg_ctx *ctx, const char *what, struct nl_msg *msg,
	    int (*cb)(struct nl_msg *, void *), void *arg);
int dg_getopt(struct dg_ctx *ctx, int argc, char **argv,
	      const char *shortopts, const struct option *opts);
int dg_parse_json_opt(struct dg_ctx *ctx, int argc, char **argv);
int dg_parse_config_dir(struct dg_ctx *ctx, int argc, char **argv);
int dg_ctl_roots(struct dg_ctx *ctx, struct dg_config **cfg,
		 struct dg_context_roots *roots);
void dg_ctl_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int dg_operands(struct dg_ctx *ctx, int argc, char **argv, int first);
void dg_json_print(struct json_object *o);
void dg_json_answer(struct dg_ctx *ctx, struct json_object *o);
int dg_cgroup_arg(const char *arg, char *path, size_t size, uint64_t *id);
struct nl_msg *dg_cgroup_msg(struct dg_ctx *ctx, uint8_t cmd, uint64_t id);

/* help.c */
bool dg_is_group(const char *word);
const struct dg_cmd *dg_find(const char *w1, const char *w2);
void dg_unknown(const char *w1, const char *w2);
void dg_print_usage(FILE *out, const char *lead, const struct dg_cmd *c);
struct json_object *dg_help_json_cmd(const struct dg_cmd *c);
int dg_help(struct dg_ctx *ctx, const char *w1, const char *w2);
void dg_usage(FILE *out);

/* The commands, by file. */
int cmd_status(struct dg_ctx *ctx, int argc, char **args);
int cmd_capture_show(struct dg_ctx *ctx, int argc, char **args);
int cmd_capture_list(struct dg_ctx *ctx, int argc, char **args);
int dg_check_on_off(struct dg_ctx *ctx, int argc, char **args);
int cmd_alert_only(struct dg_ctx *ctx, int argc, char **args);
int cmd_lock(struct dg_ctx *ctx, int argc, char **args);
int dg_parse_policy_set(struct dg_ctx *ctx, int argc, char **argv);
int dg_check_policy_set(struct dg_ctx *ctx, int argc, char **args);
int cmd_policy_set(struct dg_ctx *ctx, int argc, char **args);
int cmd_policy_get(struct dg_ctx *ctx, int argc, char **args);
int cmd_policy_list(struct dg_ctx *ctx, int argc, char **args);
int cmd_policy_del(struct dg_ctx *ctx, int argc, char **args);
int cmd_events(struct dg_ctx *ctx, int argc, char **args);
int cmd_containers(struct dg_ctx *ctx, int argc, char **args);
int cmd_verify_log(struct dg_ctx *ctx, int argc, char **args);
int dg_parse_help(struct dg_ctx *ctx, int argc, char **argv);
int cmd_help(struct dg_ctx *ctx, int argc, char **args);

#endif /* DG_CTL_H */
