// SPDX-License-Identifier: GPL-2.0
/* driftctl: status, and the global controls alert-only and lock. */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include "ctl.h"
#include "names.h"

static int dg_status_cb(struct nl_msg *msg, void *arg)
{
	return dg_nl_status_parse(msg, arg) ? NL_SKIP : NL_OK;
}

/* The hooks the module runs without, as a JSON array of strings. */
static struct json_object *dg_degraded_json(const struct dg_nl_status *st)
{
	struct json_object *a = json_object_new_array();
	unsigned int i;

	for (i = 0; i < st->n_degraded && i < DG_NL_DEGRADED_MAX; i++)
		json_object_array_add(a, json_object_new_string(st->degraded[i]));
	return a;
}

/* Asks the connected module for its status; with --json, that is the answer. */
static int dg_status_get(struct dg_ctx *ctx, struct dg_nl_status *st)
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
	json_object_object_add(o, "degraded", dg_degraded_json(st));
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
		if (st->have_counter[i])
			json_object_object_add(o, dg_stat_name(i),
				json_object_new_uint64(st->counters[i]));
	dg_json_answer(ctx, o);
	return 0;
}

int cmd_status(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_nl_status st = { .policies = 0 };
	int i, err;

	(void)argc;
	(void)args;
	err = dg_status_get(ctx, &st);
	if (err || ctx->json)
		return err;
	printf("driftguard module version %s\n", st.version);
	printf("alert-only: %s\n", st.alert_only ? "on" : "off");
	printf("locked: %s\n", st.locked ? "yes (until reboot)" : "no");
	printf("policies: %" PRIu32 "\n", st.policies);
	/* A hook a policy relies on is missing: it does less than it says. */
	if (!st.n_degraded)
		printf("degraded: no\n");
	for (i = 0; i < (int)st.n_degraded && i < DG_NL_DEGRADED_MAX; i++)
		printf("degraded: %s\n", st.degraded[i]);
	if (st.n_degraded > DG_NL_DEGRADED_MAX)
		printf("degraded: and %u more (see the kernel log)\n",
		       st.n_degraded - DG_NL_DEGRADED_MAX);
	printf("counters:\n");
	for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
		if (st.have_counter[i])
			printf("  %-20s %" PRIu64 "\n", dg_stat_name(i),
			       st.counters[i]);
	return 0;
}

/* --- global controls --------------------------------------------------- */

int dg_check_on_off(struct dg_ctx *ctx, int argc, char **args)
{
	(void)argc;
	if (strcmp(args[0], "on") && strcmp(args[0], "off")) {
		dg_err("alert-only: '%s' is not on or off", args[0]);
		return dg_usage_error(ctx);
	}
	return 0;
}

int cmd_alert_only(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_nl_status st = { .policies = 0 };
	struct nl_msg *msg;
	int err;

	(void)argc;
	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_CONFIG_SET, 0);
	if (msg && nla_put_u8(msg, DRIFTGUARD_A_ALERT_ONLY, !strcmp(args[0], "on"))) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	err = dg_call(ctx, "alert-only", msg, NULL, NULL);
	/* --json: the status after the change is the answer. */
	return err || !ctx->json ? err : dg_status_get(ctx, &st);
}

int cmd_lock(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_nl_status st = { .policies = 0 };
	int err;

	(void)argc;
	(void)args;
	err = dg_call(ctx, "lock", dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_LOCK, 0),
		      NULL, NULL);
	return err || !ctx->json ? err : dg_status_get(ctx, &st);
}
