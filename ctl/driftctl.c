// SPDX-License-Identifier: GPL-2.0
/* driftctl: the control CLI of the driftguard module. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <json-c/json.h>

#include "cgroup.h"
#include "config.h"
#include "evlog.h"
#include "multicall.h"
#include "names.h"
#include "nl.h"
#include "policy.h"
#include "record.h"
#include "suggest.h"

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
	/* The cgroup of policy get and del, as dg_cgroup_call() found it. */
	char cgroup[4096];
	uint64_t cgroup_id;
};

/*
 * One row per command: dispatch, --help, `driftctl help NAME` and the
 * "did you mean" hints all read this table. @name is one word, or a group
 * and a subcommand ("policy set"); @usage is what follows the name, a
 * newline where a long one wraps; the first line of @help is the summary
 * that `driftctl --help` lists.
 */
struct dg_cmd {
	const char *name;
	int (*handler)(struct dg_ctx *ctx, int argc, char **argv);
	const char *usage;
	const char *help;
};

/* The first message of this run: the "error" of --json's error object. */
static char dg_first_err[1024];

static void dg_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Every message of driftctl goes out here: "driftctl: ..." on stderr. */
static void dg_err(const char *fmt, ...)
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

static int dg_usage_error(struct dg_ctx *ctx)
{
	ctx->usage_error = true;
	return -EINVAL;
}

static int dg_connect(struct dg_ctx *ctx)
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
static int dg_call(struct dg_ctx *ctx, const char *what, struct nl_msg *msg,
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
static int dg_getopt(struct dg_ctx *ctx, int argc, char **argv,
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

/* Parses only --json; returns the index of the first operand, or -EINVAL. */
static int dg_parse_json_opt(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
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
 * After the options at @argv[first...]: exactly @n operands, the first
 * named @what in the message when it is missing.
 */
static int dg_operands(struct dg_ctx *ctx, int argc, char **argv, int first,
		       int n, const char *what)
{
	if (first < 0)
		return first;
	if (argc - first < n) {
		dg_err("%s: %s is missing", ctx->cmd->name, what);
		return dg_usage_error(ctx);
	}
	if (argc - first > n) {
		dg_err("%s: unexpected argument '%s'", ctx->cmd->name,
		       argv[first + n]);
		return dg_usage_error(ctx);
	}
	return 0;
}

/* Prints @o as one line and drops it. */
static void dg_json_print(struct json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stdout);
	json_object_put(o);
}

/* Makes @o the command's answer, replacing any earlier one. */
static void dg_json_answer(struct dg_ctx *ctx, struct json_object *o)
{
	json_object_put(ctx->doc);
	ctx->doc = o;
}

/* The cgroup operand as an absolute path and id; reports what is wrong. */
static int dg_cgroup_arg(const char *arg, char *path, size_t size, uint64_t *id)
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

/* --- status ------------------------------------------------------------ */

struct dg_status {
	char version[64];
	int alert_only, locked;
	uint32_t policies;
	uint64_t counters[__DRIFTGUARD_STAT_MAX];
	bool have_counter[__DRIFTGUARD_STAT_MAX];
};

static int dg_status_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct nlattr *stats[__DRIFTGUARD_STAT_MAX + 1];
	struct dg_status *st = arg;
	int i;

	if (dg_nl_parse(msg, tb))
		return NL_SKIP;
	if (tb[DRIFTGUARD_A_VERSION])
		snprintf(st->version, sizeof(st->version), "%s",
			 nla_get_string(tb[DRIFTGUARD_A_VERSION]));
	if (tb[DRIFTGUARD_A_ALERT_ONLY])
		st->alert_only = nla_get_u8(tb[DRIFTGUARD_A_ALERT_ONLY]);
	if (tb[DRIFTGUARD_A_LOCKED])
		st->locked = nla_get_u8(tb[DRIFTGUARD_A_LOCKED]);
	if (tb[DRIFTGUARD_A_POLICIES])
		st->policies = nla_get_u32(tb[DRIFTGUARD_A_POLICIES]);
	if (tb[DRIFTGUARD_A_STATS] &&
	    !nla_parse_nested(stats, __DRIFTGUARD_STAT_MAX,
			      tb[DRIFTGUARD_A_STATS], NULL)) {
		for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++) {
			if (!stats[i + 1])
				continue;
			st->counters[i] = nla_get_u64(stats[i + 1]);
			st->have_counter[i] = true;
		}
	}
	return NL_OK;
}

/* Asks the connected module for its status; with --json, that is the answer. */
static int dg_status_get(struct dg_ctx *ctx, struct dg_status *st)
{
	struct json_object *o;
	int i, err;

	err = dg_call(ctx, "status",
		      dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
		      dg_status_cb, st);
	if (err || !ctx->json)
		return err;
	o = json_object_new_object();
	json_object_object_add(o, "version", json_object_new_string(st->version));
	json_object_object_add(o, "alert_only",
			       json_object_new_boolean(st->alert_only));
	json_object_object_add(o, "locked", json_object_new_boolean(st->locked));
	json_object_object_add(o, "policies", json_object_new_int64(st->policies));
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
		if (st->have_counter[i])
			json_object_object_add(o, dg_stat_name(i),
				json_object_new_uint64(st->counters[i]));
	dg_json_answer(ctx, o);
	return 0;
}

static int cmd_status(struct dg_ctx *ctx, int argc, char **argv)
{
	struct dg_status st = { .version = "" };
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, i, 0, "");
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	err = dg_status_get(ctx, &st);
	if (err || ctx->json)
		return err;
	printf("driftguard module version %s\n", st.version);
	printf("alert-only: %s\n", st.alert_only ? "on" : "off");
	printf("locked: %s\n", st.locked ? "yes (until reboot)" : "no");
	printf("policies: %" PRIu32 "\n", st.policies);
	printf("counters:\n");
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
		if (st.have_counter[i])
			printf("  %-20s %" PRIu64 "\n", dg_stat_name(i),
			       st.counters[i]);
	return 0;
}

/* --- policies ---------------------------------------------------------- */

static struct json_object *dg_list_json(const struct dg_list *l)
{
	struct json_object *a = json_object_new_array();
	int i;

	for (i = 0; i < l->n; i++)
		json_object_array_add(a, json_object_new_string(l->v[i]));
	return a;
}

static void dg_list_print(const char *name, const struct dg_list *l)
{
	int i;

	printf("  %-7s", name);
	for (i = 0; i < l->n; i++)
		printf(" %s", l->v[i]);
	putchar('\n');
}

static int dg_policy_print_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_ctx *ctx = arg;
	struct dg_policy p;
	uint64_t id;
	char path[4096];
	size_t i;

	if (dg_nl_parse(msg, tb))
		return NL_SKIP;
	if (dg_policy_decode(tb, &p, &id)) {
		dg_err("out of memory");
		return NL_STOP;
	}
	if (dg_cgroup_find(dg_cgroup_root(), id, path, sizeof(path)))
		snprintf(path, sizeof(path), "(removed cgroup)");

	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "cgroup", json_object_new_string(path));
		json_object_object_add(o, "cgroup_id", json_object_new_uint64(id));
		for (i = 0; i < DG_MODE_KEYS; i++)
			json_object_object_add(o, dg_mode_keys[i].name,
				json_object_new_string(dg_mode_key_value(
					&dg_mode_keys[i],
					dg_policy_mode(&p, &dg_mode_keys[i]))));
		json_object_object_add(o, "allow", dg_list_json(&p.allow));
		json_object_object_add(o, "deny", dg_list_json(&p.deny));
		json_object_object_add(o, "watch", dg_list_json(&p.watch));
		/* policy list collects an array; policy get answers one object. */
		if (json_object_is_type(ctx->doc, json_type_array))
			json_object_array_add(ctx->doc, o);
		else
			dg_json_answer(ctx, o);
		dg_policy_free(&p);
		return NL_OK;
	}
	printf("%s (cgroup id %" PRIu64 ")\n", path, id);
	/* The drift modes on one line, the hardening ones on the next. */
	for (i = 0; i < DG_MODE_KEYS; i++) {
		if (i && dg_mode_keys[i].deny != dg_mode_keys[i - 1].deny)
			putchar('\n');
		printf("  %s %s", dg_mode_keys[i].name,
		       dg_mode_key_value(&dg_mode_keys[i],
					 dg_policy_mode(&p, &dg_mode_keys[i])));
	}
	putchar('\n');
	dg_list_print("allow:", &p.allow);
	dg_list_print("deny:", &p.deny);
	dg_list_print("watch:", &p.watch);
	dg_policy_free(&p);
	return NL_OK;
}

/* A --allow, --deny or --watch entry, by the rules the module keeps. */
static int dg_pattern_opt(struct dg_list *l, const char *opt, const char *s)
{
	char key[32], why[512];
	int rule = dg_pattern_check(l->n, s, strlen(s));

	if (rule >= 0) {
		snprintf(key, sizeof(key), "--%s", opt);
		dg_pattern_explain(rule, key, s, strlen(s), why, sizeof(why));
		dg_err("policy set: %s", why);
		return dg_pattern_rules[rule].err;
	}
	if (dg_list_add(l, s, strlen(s))) {
		dg_err("out of memory");
		return -ENOMEM;
	}
	return 0;
}

static int dg_mode_opt(const struct dg_mode_key *k, const char *val)
{
	int m = dg_mode_key_parse(k, val);

	if (m < 0)
		dg_err("policy set: --%s: '%s' is not %s", k->name, val,
		       dg_mode_key_accepts(k));
	return m;
}

/* A request about cgroup @id alone. NULL on allocation failure. */
static struct nl_msg *dg_cgroup_msg(struct dg_ctx *ctx, uint8_t cmd, uint64_t id)
{
	struct nl_msg *msg = dg_nl_msg(&ctx->nl, cmd, 0);

	if (msg && nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* With --json, policy set answers with the policy now in force. */
static int dg_policy_show(struct dg_ctx *ctx, uint64_t id)
{
	if (!ctx->json)
		return 0;
	return dg_call(ctx, "policy get",
		       dg_cgroup_msg(ctx, DRIFTGUARD_CMD_POLICY_GET, id),
		       dg_policy_print_cb, ctx);
}

static int cmd_policy_set(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, DRIFTGUARD_A_MODE },
		{ "memfd", required_argument, NULL, DRIFTGUARD_A_MEMFD },
		{ "volume", required_argument, NULL, DRIFTGUARD_A_VOLUME },
		{ "mmap", required_argument, NULL, DRIFTGUARD_A_MMAP },
		{ "files", required_argument, NULL, DRIFTGUARD_A_FILES },
		{ "userns", required_argument, NULL, DRIFTGUARD_A_USERNS },
		{ "execmem", required_argument, NULL, DRIFTGUARD_A_EXECMEM },
		{ "procmem", required_argument, NULL, DRIFTGUARD_A_PROCMEM },
		{ "allow", required_argument, NULL, DRIFTGUARD_A_ALLOW },
		{ "deny", required_argument, NULL, DRIFTGUARD_A_DENY },
		{ "watch", required_argument, NULL, DRIFTGUARD_A_WATCH },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	/* A mode not given is off, a list not given empty. */
	struct dg_policy pol = { .name = NULL };
	char path[4096];
	struct nl_msg *msg = NULL;
	struct dg_list *list;
	uint64_t id;
	int c, err;

	optind = 1;
	while ((c = dg_getopt(ctx, argc, argv, ":j", opts)) != -1) {
		const struct dg_mode_key *k = c > 0 ? dg_mode_key_of_attr(c) : NULL;

		list = c == DRIFTGUARD_A_ALLOW ? &pol.allow :
		       c == DRIFTGUARD_A_DENY ? &pol.deny :
		       c == DRIFTGUARD_A_WATCH ? &pol.watch : NULL;
		if (k) {
			err = dg_mode_opt(k, optarg);
			if (err < 0)
				goto usage;
			*dg_policy_mode_ptr(&pol, k) = err;
		} else if (list) {
			err = dg_pattern_opt(list, dg_attr_name(c), optarg);
			if (err == -ENOMEM)
				goto out;
			if (err)
				goto usage;
		} else if (c == 'j') {
			ctx->json = true;
		} else {
			goto usage;
		}
	}
	err = dg_operands(ctx, argc, argv, optind, 1, "CGROUP");
	if (err)
		goto out;
	err = dg_cgroup_arg(argv[optind], path, sizeof(path), &id);
	if (err)
		goto out;
	dg_multicall_warn(stderr, "driftctl: ", pol.deny.v, pol.deny.n);
	err = dg_connect(ctx);
	if (err)
		goto out;

	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_SET, 0);
	err = !msg ? -ENOMEM : nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id) ?
	      -EMSGSIZE : dg_policy_encode(msg, &pol);
	if (err) {
		/* The lists' limits (checked above) fit in a request. */
		dg_err("policy set: the request does not fit in %d KiB: a list "
		       "holds at most %d entries of at most %d bytes",
		       DG_NL_MSG_MAX / 1024, DRIFTGUARD_LIST_MAX,
		       DRIFTGUARD_PATTERN_MAX - 1);
		nlmsg_free(msg);
		err = msg ? -E2BIG : -ENOMEM;
		goto out;
	}
	err = dg_call(ctx, "policy set", msg, NULL, NULL);
	if (!err)
		err = dg_policy_show(ctx, id);
out:
	dg_policy_free(&pol);
	return err;
usage:
	dg_policy_free(&pol);
	return dg_usage_error(ctx);
}

/* A request about one cgroup: policy get and policy del. */
static int dg_cgroup_call(struct dg_ctx *ctx, const char *what, uint8_t cmd,
			  const char *cgroup, int (*cb)(struct nl_msg *, void *))
{
	int err;

	err = dg_cgroup_arg(cgroup, ctx->cgroup, sizeof(ctx->cgroup),
			    &ctx->cgroup_id);
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	return dg_call(ctx, what, dg_cgroup_msg(ctx, cmd, ctx->cgroup_id),
		       cb, ctx);
}

static int cmd_policy_get(struct dg_ctx *ctx, int argc, char **argv)
{
	int i = dg_parse_json_opt(ctx, argc, argv);
	int err = dg_operands(ctx, argc, argv, i, 1, "CGROUP");

	if (err)
		return err;
	return dg_cgroup_call(ctx, "policy get", DRIFTGUARD_CMD_POLICY_GET,
			      argv[i], dg_policy_print_cb);
}

static int cmd_policy_list(struct dg_ctx *ctx, int argc, char **argv)
{
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, i, 0, "");
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	/* One array, also with no policy at all: [] */
	if (ctx->json)
		dg_json_answer(ctx, json_object_new_array());
	return dg_call(ctx, "policy list",
		       dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_GET, NLM_F_DUMP),
		       dg_policy_print_cb, ctx);
}

static int cmd_policy_del(struct dg_ctx *ctx, int argc, char **argv)
{
	struct json_object *o;
	int i = dg_parse_json_opt(ctx, argc, argv);
	int err = dg_operands(ctx, argc, argv, i, 1, "CGROUP");

	if (err)
		return err;
	err = dg_cgroup_call(ctx, "policy del", DRIFTGUARD_CMD_POLICY_DEL,
			     argv[i], NULL);
	if (err || !ctx->json)
		return err;
	o = json_object_new_object();
	json_object_object_add(o, "cgroup", json_object_new_string(ctx->cgroup));
	json_object_object_add(o, "cgroup_id",
			       json_object_new_uint64(ctx->cgroup_id));
	json_object_object_add(o, "deleted", json_object_new_boolean(true));
	dg_json_answer(ctx, o);
	return 0;
}

/* --- global controls --------------------------------------------------- */

static int cmd_alert_only(struct dg_ctx *ctx, int argc, char **argv)
{
	struct dg_status st = { .version = "" };
	struct nl_msg *msg;
	int i, on, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, i, 1, "on or off");
	if (err)
		return err;
	if (strcmp(argv[i], "on") && strcmp(argv[i], "off")) {
		dg_err("alert-only: '%s' is not on or off", argv[i]);
		return dg_usage_error(ctx);
	}
	on = !strcmp(argv[i], "on");
	err = dg_connect(ctx);
	if (err)
		return err;
	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_CONFIG_SET, 0);
	if (msg && nla_put_u8(msg, DRIFTGUARD_A_ALERT_ONLY, on)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = dg_call(ctx, "alert-only", msg, NULL, NULL);
	/* --json: the status after the change is the answer. */
	return err || !ctx->json ? err : dg_status_get(ctx, &st);
}

static int cmd_lock(struct dg_ctx *ctx, int argc, char **argv)
{
	struct dg_status st = { .version = "" };
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, i, 0, "");
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	err = dg_call(ctx, "lock", dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_LOCK, 0),
		      NULL, NULL);
	return err || !ctx->json ? err : dg_status_get(ctx, &st);
}

/* --- events ------------------------------------------------------------ */

static volatile sig_atomic_t dg_stop;

static void dg_on_signal(int sig)
{
	(void)sig;
	dg_stop = 1;
}

static int dg_event_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_ctx *ctx = arg;
	struct json_object *o;
	struct dg_nl_event ev;
	char cgroup[4096], when[48];

	if (genlmsg_hdr(nlmsg_hdr(msg))->cmd != DRIFTGUARD_CMD_EVENT ||
	    dg_nl_parse(msg, tb))
		return NL_SKIP;
	dg_nl_event_parse(tb, &ev);
	if (dg_cgroup_find(dg_cgroup_root(), ev.cgroup_id, cgroup, sizeof(cgroup)))
		cgroup[0] = '\0';
	ev.cgroup = cgroup;

	if (ctx->json) {
		/* The same object, field for field, as driftguardd's log. */
		o = dg_record_event(&ev, NULL);
		if (o)
			dg_json_print(o);
		return NL_OK;
	}
	/* The kernel's time of the decision; now, from a module without it. */
	if (!ev.time) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ev.time = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	}
	dg_rfc3339(ev.time, when, sizeof(when));
	/* An event without a file (userns, anonymous execmem) has no path=. */
	printf("%s %s %s %s pid=%" PRIu32 " ppid=%" PRIu32 " uid=%" PRIu32
	       " comm=%s%s%s%s%s%s%s cgroup=%s\n", when,
	       dg_action_name(ev.action), dg_class_name(ev.class),
	       dg_hook_name(ev.hook), ev.pid, ev.ppid, ev.uid, ev.comm,
	       ev.path[0] ? " path=" : "", ev.path,
	       ev.path[0] ? " filename=" : "", ev.path[0] ? ev.filename : "",
	       ev.interpreter[0] ? " interpreter=" : "",
	       ev.interpreter, cgroup[0] ? cgroup : "?");
	fflush(stdout);
	return NL_OK;
}

static int cmd_events(struct dg_ctx *ctx, int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = dg_on_signal };
	struct pollfd pfd;
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	err = dg_operands(ctx, argc, argv, i, 0, "");
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	err = dg_nl_join_events(&ctx->nl);
	if (err) {
		dg_err("cannot join the events group: %s",
		       err == -EPERM ? "permission denied (needs CAP_SYS_ADMIN)" :
		       strerror(-err));
		return err;
	}
	/* No SA_RESTART: a signal interrupts the blocking receive. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	nl_socket_modify_cb(ctx->nl.sock, NL_CB_VALID, NL_CB_CUSTOM,
			    dg_event_cb, ctx);
	nl_socket_set_buffer_size(ctx->nl.sock, 4 << 20, 0);
	/* libnl retries interrupted reads: wait in poll(), read non-blocking. */
	nl_socket_set_nonblocking(ctx->nl.sock);
	pfd.fd = nl_socket_get_fd(ctx->nl.sock);
	pfd.events = POLLIN;
	fprintf(stderr, "driftctl: following events (Ctrl-C to stop)\n");
	while (!dg_stop) {
		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			dg_err("poll: %s", strerror(errno));
			return -errno;
		}
		err = nl_recvmsgs_default(ctx->nl.sock);
		if (err == -NLE_NOMEM || err == -NLE_MSG_OVERFLOW)
			dg_err("events were lost: the socket overran");
		else if (err < 0 && err != -NLE_AGAIN && err != -NLE_INTR)
			dg_err("receiving events: %s", nl_geterror(err));
	}
	return 0;
}

/* --- event log --------------------------------------------------------- */

#define DG_ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Checks one file; @prev_hash, if not NULL, is the hash it must continue. */
static int dg_verify_file(struct dg_ctx *ctx, const char *file,
			  const char *prev_hash, const char *prev_file,
			  struct dg_verify_result *r)
{
	FILE *f = fopen(file, "re");
	int err;

	if (!f) {
		err = -errno;
		dg_err("%s: %s", file, strerror(-err));
		return err;
	}
	err = dg_evlog_verify(f, r);
	fclose(f);
	if (err && err != -EBADMSG) {
		dg_err("%s: %s", file, strerror(-err));
		return err;
	}
	if (!err && prev_hash && r->records && strcmp(r->first_prev, prev_hash)) {
		r->status = DG_VERIFY_BROKEN;
		r->line = 1;
		snprintf(r->reason, sizeof(r->reason),
			 "record 1 does not continue %s (records were deleted "
			 "between the files, or they are out of order)", prev_file);
		err = -EBADMSG;
	}

	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "file", json_object_new_string(file));
		json_object_object_add(o, "records",
				       json_object_new_uint64(r->records));
		json_object_object_add(o, "intact", json_object_new_boolean(!err));
		if (err) {
			json_object_object_add(o, "record",
					       json_object_new_uint64(r->line));
			json_object_object_add(o, "reason",
					       json_object_new_string(r->reason));
		}
		if (r->records) {
			json_object_object_add(o, "first_prev",
					       json_object_new_string(r->first_prev));
			json_object_object_add(o, "last_hash",
					       json_object_new_string(r->last_hash));
		}
		json_object_array_add(ctx->doc, o);
	} else if (err) {
		dg_err("%s: %s", file, r->reason);
	} else {
		printf("%s: %lu records, chain intact%s\n", file, r->records,
		       !prev_hash && r->records && strcmp(r->first_prev, DG_ZERO_HASH) ?
		       ", continuing an earlier file" : "");
	}
	return err;
}

static int cmd_verify_log(struct dg_ctx *ctx, int argc, char **argv)
{
	struct dg_verify_result r;
	char last[DG_HASH_HEX + 1] = "";
	const char *last_file = NULL;
	int i, err, ret = 0;

	i = dg_parse_json_opt(ctx, argc, argv);
	if (i < 0)
		return i;
	if (i == argc) {
		dg_err("verify-log: FILE is missing");
		return dg_usage_error(ctx);
	}
	if (ctx->json)
		dg_json_answer(ctx, json_object_new_array());
	/*
	 * Rotated files, oldest first: each must continue the one before.
	 * A file that cannot be read decides the exit status over a broken
	 * chain: the verdict on it is unknown, not "tampered".
	 */
	for (; i < argc; i++) {
		err = dg_verify_file(ctx, argv[i], last_file ? last : NULL,
				     last_file, &r);
		if (err) {
			if (!ret || (ret == -EBADMSG && err != -EBADMSG))
				ret = err;
			last_file = NULL;
		} else if (r.records) {
			memcpy(last, r.last_hash, sizeof(last));
			last_file = argv[i];
		}
	}
	/* Every file read: the array is the answer, also for a broken chain. */
	ctx->verdict = !ret || ret == -EBADMSG;
	return ret;
}

static int cmd_help(struct dg_ctx *ctx, int argc, char **argv);

static const struct dg_cmd dg_cmds[] = {
	{ "status", cmd_status, "[--json]",
	  "Show the module version, global controls, policies and counters.\n"
	  "--json: one object with the keys version, alert_only, locked,\n"
	  "policies and one key per counter." },
	{ "policy set", cmd_policy_set,
	  "CGROUP [--mode M] [--memfd M] [--volume M]\n"
	  "[--mmap M] [--files off|detect] [--userns H]\n"
	  "[--execmem H] [--procmem H] [--allow PATH]...\n"
	  "[--deny PATTERN]... [--watch PATTERN]... [--json]",
	  "Set CGROUP's policy as a whole (a mode not given is off, a list empty).\n"
	  "M is off, detect (allow and report) or prevent (deny and report).\n"
	  "  --mode M            files in the container's overlayfs upper layer,\n"
	  "                      on other overlays or on mounts made in a user\n"
	  "                      namespace\n"
	  "  --memfd M           memfds, O_TMPFILE and deleted files\n"
	  "  --volume M          files on the runtime's other mounts (bind\n"
	  "                      mounts, tmpfs, emptyDir)\n"
	  "  --mmap M            executable mappings of files of those classes\n"
	  "  --files off|detect  report image files modified and files created\n"
	  "Hardening, off unless given: H is off, detect or deny (refuse with\n"
	  "EPERM and report; prevent is taken for deny).\n"
	  "  --userns H          creating a user namespace (clone or unshare\n"
	  "                      CLONE_NEWUSER) in the container; the runtime's\n"
	  "                      own setup, from the host's mount namespace, is\n"
	  "                      not judged\n"
	  "  --execmem H         executable memory that is not a file's content:\n"
	  "                      anonymous or shared memory mapped or made\n"
	  "                      executable, a written private file mapping (text\n"
	  "                      relocations); JIT runtimes (Java, Node.js, .NET,\n"
	  "                      LuaJIT) and executable stacks need it off\n"
	  "  --procmem H         opening any /proc/PID/mem, its own too, for\n"
	  "                      writing (in-memory exec such as DDexec)\n"
	  "  --allow PATH        a drifted program that runs all the same: a full\n"
	  "                      path in the container's rootfs (names allow\n"
	  "                      nothing)\n"
	  "  --deny PATTERN      a program refused, even from the image; also\n"
	  "                      refuses executable mappings of it\n"
	  "  --watch PATTERN     a program that runs and is always reported\n"
	  "A PATTERN with '/' is a full path in the container's rootfs, else a\n"
	  "file name; up to 64 of each. A deny entry that is a busybox or toybox\n"
	  "applet gets a warning: the multi-call binary runs it all the same.\n"
	  "Each option also takes its value after '=': --mode=prevent.\n"
	  "--json: the policy now in force, as policy get --json prints it." },
	{ "policy get", cmd_policy_get, "CGROUP [--json]",
	  "Show CGROUP's own policy (not one it inherits).\n"
	  "--json: one object with the keys cgroup, cgroup_id, mode, memfd,\n"
	  "volume, mmap, files, userns, execmem, procmem (off, detect or deny),\n"
	  "allow, deny and watch." },
	{ "policy list", cmd_policy_list, "[--json]",
	  "Show every policy.\n"
	  "--json: one array of the objects policy get --json prints; [] when\n"
	  "there is no policy." },
	{ "policy del", cmd_policy_del, "CGROUP [--json]",
	  "Remove CGROUP's own policy (it inherits its parent's again).\n"
	  "--json: {\"cgroup\": ..., \"cgroup_id\": ..., \"deleted\": true}." },
	{ "events", cmd_events, "[--json]",
	  "Follow the module's decisions until interrupted.\n"
	  "One line each: the time (RFC 3339 UTC, with nanoseconds), the action,\n"
	  "class and hook, then key=value fields.\n"
	  "--json: one JSON object per line (JSON Lines): the event with the\n"
	  "container and process fields, as driftguardd's event log has them." },
	{ "alert-only", cmd_alert_only, "on|off [--json]",
	  "When on, nothing is denied and everything is reported.\n"
	  "--json: the status afterwards, as status --json prints it." },
	{ "lock", cmd_lock, "[--json]",
	  "Lock the module until reboot; there is no unlock.\n"
	  "Policies can only be tightened, alert-only cannot be turned on, and\n"
	  "the module cannot be unloaded.\n"
	  "--json: the status afterwards, as status --json prints it." },
	{ "verify-log", cmd_verify_log, "[--json] FILE...",
	  "Check the hash chain of driftguardd's JSON event log.\n"
	  "Give rotated files oldest first; exit status 1 names the first bad\n"
	  "record. The last record of a log is vouched for by no other.\n"
	  "--json: one array, an object per file with the keys file, records,\n"
	  "intact, record and reason (when not intact), first_prev and\n"
	  "last_hash (when it has records)." },
	{ "help", cmd_help, "[COMMAND [SUBCOMMAND]] [--json]",
	  "Show the help of a command, of a group of commands, or of all.\n"
	  "--json: an object per command with the keys command, usage and help;\n"
	  "an array of them for a group or for all." },
};

#define DG_NCMDS (sizeof(dg_cmds) / sizeof(dg_cmds[0]))

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
static bool dg_is_group(const char *word)
{
	size_t i, len = strlen(word);

	for (i = 0; i < DG_NCMDS; i++)
		if (dg_cmds[i].name[len] == ' ' &&
		    !strncmp(dg_cmds[i].name, word, len))
			return true;
	return false;
}

/* The command named @w1, or @w1 @w2 (w2 may be NULL). */
static const struct dg_cmd *dg_find(const char *w1, const char *w2)
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
static void dg_unknown(const char *w1, const char *w2)
{
	const char *words[DG_NCMDS], *near;
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
static void dg_print_usage(FILE *out, const char *lead, const struct dg_cmd *c)
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

static void dg_usage(FILE *out)
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

static struct json_object *dg_help_json_cmd(const struct dg_cmd *c)
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
static int dg_help(struct dg_ctx *ctx, const char *w1, const char *w2)
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

static int cmd_help(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool self = false;
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
			self = true;
		else
			return dg_usage_error(ctx);
	}
	if (argc - optind > 2) {
		dg_err("help: unexpected argument '%s'", argv[optind + 2]);
		return dg_usage_error(ctx);
	}
	if (self && optind == argc)
		return dg_help(ctx, "help", NULL);
	return dg_help(ctx, optind < argc ? argv[optind] : NULL,
		       optind + 1 < argc ? argv[optind + 1] : NULL);
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
			dg_first_err[0] ? dg_first_err : strerror(-err)));
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
	if (ctx.cmd->handler != cmd_help && dg_has_opt(argc, argv, "-h", "--help"))
		return dg_finish(&ctx, dg_help(&ctx, ctx.cmd->name, NULL));
	err = ctx.cmd->handler(&ctx, argc, argv);
	dg_nl_close(&ctx.nl);
	return dg_finish(&ctx, err);
}
