// SPDX-License-Identifier: GPL-2.0
/* driftctl: policy set, get, list and del. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "cgroup.h"
#include "ctl.h"
#include "multicall.h"
#include "names.h"

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
		json_object_object_add(o, "listen_allow",
				       dg_list_json(&p.listen_allow));
		json_object_object_add(o, "connect_allow",
				       dg_list_json(&p.connect_allow));
		json_object_object_add(o, "loopback", json_object_new_string(
					       p.loopback_judged ? "no" : "yes"));
		json_object_object_add(o, "writable", dg_list_json(&p.writable));
		json_object_object_add(o, "config", dg_list_json(&p.config));
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
	printf("  loopback exempt: %s\n", p.loopback_judged ? "no" : "yes");
	dg_list_print("listen_allow:", &p.listen_allow);
	dg_list_print("connect_allow:", &p.connect_allow);
	dg_list_print("writable:", &p.writable);
	dg_list_print("config:", &p.config);
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

/* A --listen-allow or --connect-allow entry, as the module parses it. */
static int dg_netrule_opt(struct dg_list *l, int attr, const char *s)
{
	const char *why = dg_netrule_check(attr, l->n, s);

	if (why) {
		dg_err("policy set: --%s '%s': %s",
		       attr == DRIFTGUARD_A_LISTEN_ALLOW ? "listen-allow" :
		       "connect-allow", s, why);
		return l->n >= DRIFTGUARD_LIST_MAX ? -E2BIG : -EINVAL;
	}
	if (dg_list_add(l, s, strlen(s))) {
		dg_err("out of memory");
		return -ENOMEM;
	}
	return 0;
}

/* A --writable or --config prefix; "" stands for none at all. */
static int dg_prefix_opt(struct dg_list *l, const char *opt, const char *s)
{
	char key[32], why[512];

	if (!*s)
		return 0;
	snprintf(key, sizeof(key), "--%s", opt);
	if (dg_prefix_check(key, l->n, s, strlen(s), why, sizeof(why))) {
		dg_err("policy set: %s", why);
		return -EINVAL;
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

/* With --json, policy set answers with the policy now in force. */
static int dg_policy_show(struct dg_ctx *ctx, uint64_t id)
{
	if (!ctx->json)
		return 0;
	return dg_call(ctx, "policy get",
		       dg_cgroup_msg(ctx, DRIFTGUARD_CMD_POLICY_GET, id),
		       dg_policy_print_cb, ctx);
}
int dg_parse_policy_set(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, DRIFTGUARD_A_MODE },
		{ "memfd", required_argument, NULL, DRIFTGUARD_A_MEMFD },
		{ "volume", required_argument, NULL, DRIFTGUARD_A_VOLUME },
		{ "metadata", required_argument, NULL, DRIFTGUARD_A_METADATA },
		{ "mmap", required_argument, NULL, DRIFTGUARD_A_MMAP },
		{ "files", required_argument, NULL, DRIFTGUARD_A_FILES },
		{ "userns", required_argument, NULL, DRIFTGUARD_A_USERNS },
		{ "execmem", required_argument, NULL, DRIFTGUARD_A_EXECMEM },
		{ "procmem", required_argument, NULL, DRIFTGUARD_A_PROCMEM },
		{ "allow", required_argument, NULL, DRIFTGUARD_A_ALLOW },
		{ "deny", required_argument, NULL, DRIFTGUARD_A_DENY },
		{ "watch", required_argument, NULL, DRIFTGUARD_A_WATCH },
		{ "listen", required_argument, NULL, DRIFTGUARD_A_LISTEN },
		{ "connect", required_argument, NULL, DRIFTGUARD_A_CONNECT },
		{ "listen-allow", required_argument, NULL,
		  DRIFTGUARD_A_LISTEN_ALLOW },
		{ "connect-allow", required_argument, NULL,
		  DRIFTGUARD_A_CONNECT_ALLOW },
		{ "loopback", required_argument, NULL, DRIFTGUARD_A_LOOPBACK },
		{ "writable", required_argument, NULL, DRIFTGUARD_A_WRITABLE },
		{ "config", required_argument, NULL, DRIFTGUARD_A_CONFIG },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	/*
	 * A mode not given is off, a list not given empty; writable and
	 * config not given are the policy files' defaults.
	 */
	struct dg_policy *pol = &ctx->policy;
	bool writable = false, config = false;
	struct dg_list *list;
	int c, err;

	optind = 1;
	while ((c = dg_getopt(ctx, argc, argv, ":j", opts)) != -1) {
		const struct dg_mode_key *k = c > 0 ? dg_mode_key_of_attr(c) : NULL;

		list = c == DRIFTGUARD_A_ALLOW ? &pol->allow :
		       c == DRIFTGUARD_A_DENY ? &pol->deny :
		       c == DRIFTGUARD_A_WATCH ? &pol->watch : NULL;
		if (k) {
			err = dg_mode_opt(k, optarg);
			if (err < 0)
				return dg_usage_error(ctx);
			*dg_policy_mode_ptr(pol, k) = err;
		} else if (list) {
			err = dg_pattern_opt(list, dg_attr_name(c), optarg);
			if (err == -ENOMEM)
				return err;
			if (err)
				return dg_usage_error(ctx);
		} else if (c == DRIFTGUARD_A_LISTEN_ALLOW ||
			   c == DRIFTGUARD_A_CONNECT_ALLOW) {
			err = dg_netrule_opt(c == DRIFTGUARD_A_LISTEN_ALLOW ?
					     &pol->listen_allow :
					     &pol->connect_allow, c, optarg);
			if (err == -ENOMEM)
				return err;
			if (err)
				return dg_usage_error(ctx);
		} else if (c == DRIFTGUARD_A_WRITABLE ||
			   c == DRIFTGUARD_A_CONFIG) {
			err = dg_prefix_opt(c == DRIFTGUARD_A_WRITABLE ?
					    &pol->writable : &pol->config,
					    dg_attr_name(c), optarg);
			if (err == -ENOMEM)
				return err;
			if (err)
				return dg_usage_error(ctx);
			writable |= c == DRIFTGUARD_A_WRITABLE;
			config |= c == DRIFTGUARD_A_CONFIG;
		} else if (c == DRIFTGUARD_A_LOOPBACK) {
			if (strcmp(optarg, "yes") && strcmp(optarg, "no")) {
				dg_err("policy set: --loopback: '%s' is not yes "
				       "(exempt) or no (judged)", optarg);
				return dg_usage_error(ctx);
			}
			pol->loopback_judged = !strcmp(optarg, "no");
		} else if (c == 'j') {
			ctx->json = true;
		} else {
			return dg_usage_error(ctx);
		}
	}
	if (dg_policy_default_prefixes(pol, !writable, !config)) {
		dg_err("out of memory");
		return -ENOMEM;
	}
	return optind;
}

/* A deny entry a multi-call binary runs all the same, before connecting. */
int dg_check_policy_set(struct dg_ctx *ctx, int argc, char **args)
{
	(void)argc;
	(void)args;
	dg_multicall_warn(stderr, "driftctl: ", ctx->policy.deny.v,
			  ctx->policy.deny.n);
	return 0;
}

int cmd_policy_set(struct dg_ctx *ctx, int argc, char **args)
{
	struct nl_msg *msg;
	int err;

	(void)argc;
	(void)args;
	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_SET, 0);
	err = !msg ? -ENOMEM :
	      nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, ctx->cgroup_id) ?
	      -EMSGSIZE : dg_policy_encode(msg, &ctx->policy);
	if (err) {
		/* The lists' limits (checked by the options) fit in a request. */
		dg_err("policy set: the request does not fit in %d KiB: a list "
		       "holds at most %d entries of at most %d bytes",
		       DG_NL_MSG_MAX / 1024, DRIFTGUARD_LIST_MAX,
		       DRIFTGUARD_PATTERN_MAX - 1);
		nlmsg_free(msg);
		return msg ? -E2BIG : -ENOMEM;
	}
	err = dg_call(ctx, "policy set", msg, NULL, NULL);
	return err ? err : dg_policy_show(ctx, ctx->cgroup_id);
}

int cmd_policy_get(struct dg_ctx *ctx, int argc, char **args)
{
	(void)argc;
	(void)args;
	return dg_call(ctx, "policy get",
		       dg_cgroup_msg(ctx, DRIFTGUARD_CMD_POLICY_GET, ctx->cgroup_id),
		       dg_policy_print_cb, ctx);
}

int cmd_policy_list(struct dg_ctx *ctx, int argc, char **args)
{
	(void)argc;
	(void)args;
	/* One array, also with no policy at all: [] */
	if (ctx->json)
		dg_json_answer(ctx, json_object_new_array());
	return dg_call(ctx, "policy list",
		       dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_GET, NLM_F_DUMP),
		       dg_policy_print_cb, ctx);
}

int cmd_policy_del(struct dg_ctx *ctx, int argc, char **args)
{
	struct json_object *o;
	int err;

	(void)argc;
	(void)args;
	err = dg_call(ctx, "policy del",
		      dg_cgroup_msg(ctx, DRIFTGUARD_CMD_POLICY_DEL, ctx->cgroup_id),
		      NULL, NULL);
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
