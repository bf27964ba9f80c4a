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
#include "evlog.h"
#include "names.h"
#include "nl.h"
#include "record.h"

/* Exit codes; documented in --help and driftctl(8). */
enum {
	EXIT_OK = 0,
	EXIT_FAIL = 1,
	EXIT_USAGE = 2,
	EXIT_NOT_LOADED = 3,
	EXIT_PERM = 4,
};

struct dg_ctx {
	struct dg_nl nl;
	bool json;
	bool usage_error;
	bool not_loaded;
};

struct dg_cmd {
	const char *name;
	const char *sub;	/* second word, or NULL */
	int (*handler)(struct dg_ctx *ctx, int argc, char **argv);
	const char *usage;
	const char *help;
};

static void dg_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void dg_err(const char *fmt, ...)
{
	va_list ap;

	fputs("driftctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
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

/* Parses only --json; returns the index of the first operand, or -EINVAL. */
static int dg_parse_json_opt(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "j", opts, NULL)) != -1) {
		if (c != 'j')
			return dg_usage_error(ctx);
		ctx->json = true;
	}
	return optind;
}

static void dg_json_print(struct json_object *o)
{
	puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
					    JSON_C_TO_STRING_NOSLASHESCAPE));
	fflush(stdout);
	json_object_put(o);
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

static int cmd_status(struct dg_ctx *ctx, int argc, char **argv)
{
	struct dg_status st = { .version = "" };
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	if (i < 0 || i != argc)
		return dg_usage_error(ctx);
	err = dg_connect(ctx);
	if (err)
		return err;
	err = dg_call(ctx, "status",
		      dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
		      dg_status_cb, &st);
	if (err)
		return err;

	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "version",
				       json_object_new_string(st.version));
		json_object_object_add(o, "alert_only",
				       json_object_new_boolean(st.alert_only));
		json_object_object_add(o, "locked",
				       json_object_new_boolean(st.locked));
		json_object_object_add(o, "policies",
				       json_object_new_int64(st.policies));
		for (i = 0; i < __DRIFTGUARD_STAT_MAX; i++)
			if (st.have_counter[i])
				json_object_object_add(o, dg_stat_name(i),
					json_object_new_uint64(st.counters[i]));
		dg_json_print(o);
		return 0;
	}
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

struct dg_policy_view {
	uint64_t cgroup_id;
	int mode, memfd, volume, mmap, files;
	struct nlattr *allow, *deny, *watch;
};

static void dg_policy_parse(struct nlattr **tb, struct dg_policy_view *p)
{
	memset(p, 0, sizeof(*p));
	if (tb[DRIFTGUARD_A_CGROUP_ID])
		p->cgroup_id = nla_get_u64(tb[DRIFTGUARD_A_CGROUP_ID]);
	if (tb[DRIFTGUARD_A_MODE])
		p->mode = nla_get_u8(tb[DRIFTGUARD_A_MODE]);
	if (tb[DRIFTGUARD_A_MEMFD])
		p->memfd = nla_get_u8(tb[DRIFTGUARD_A_MEMFD]);
	if (tb[DRIFTGUARD_A_VOLUME])
		p->volume = nla_get_u8(tb[DRIFTGUARD_A_VOLUME]);
	if (tb[DRIFTGUARD_A_MMAP])
		p->mmap = nla_get_u8(tb[DRIFTGUARD_A_MMAP]);
	if (tb[DRIFTGUARD_A_FILES])
		p->files = nla_get_u8(tb[DRIFTGUARD_A_FILES]);
	p->allow = tb[DRIFTGUARD_A_ALLOW];
	p->deny = tb[DRIFTGUARD_A_DENY];
	p->watch = tb[DRIFTGUARD_A_WATCH];
}

static struct json_object *dg_list_json(struct nlattr *list)
{
	struct json_object *a = json_object_new_array();
	struct nlattr *e;
	int rem;

	if (list)
		nla_for_each_nested(e, list, rem)
			json_object_array_add(a,
				json_object_new_string(nla_get_string(e)));
	return a;
}

static void dg_list_print(const char *name, struct nlattr *list)
{
	struct nlattr *e;
	int rem;

	printf("  %-7s", name);
	if (list)
		nla_for_each_nested(e, list, rem)
			printf(" %s", nla_get_string(e));
	putchar('\n');
}

static int dg_policy_print_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_ctx *ctx = arg;
	struct dg_policy_view p;
	char path[4096];

	if (dg_nl_parse(msg, tb))
		return NL_SKIP;
	dg_policy_parse(tb, &p);
	if (dg_cgroup_find(dg_cgroup_root(), p.cgroup_id, path, sizeof(path)))
		snprintf(path, sizeof(path), "(removed cgroup)");

	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "cgroup", json_object_new_string(path));
		json_object_object_add(o, "cgroup_id",
				       json_object_new_uint64(p.cgroup_id));
		json_object_object_add(o, "mode",
				       json_object_new_string(dg_mode_name(p.mode)));
		json_object_object_add(o, "memfd",
				       json_object_new_string(dg_mode_name(p.memfd)));
		json_object_object_add(o, "volume",
				       json_object_new_string(dg_mode_name(p.volume)));
		json_object_object_add(o, "mmap",
				       json_object_new_string(dg_mode_name(p.mmap)));
		json_object_object_add(o, "files",
				       json_object_new_string(dg_mode_name(p.files)));
		json_object_object_add(o, "allow", dg_list_json(p.allow));
		json_object_object_add(o, "deny", dg_list_json(p.deny));
		json_object_object_add(o, "watch", dg_list_json(p.watch));
		dg_json_print(o);
		return NL_OK;
	}
	printf("%s (cgroup id %" PRIu64 ")\n", path, p.cgroup_id);
	printf("  mode %s  memfd %s  volume %s  mmap %s  files %s\n",
	       dg_mode_name(p.mode), dg_mode_name(p.memfd),
	       dg_mode_name(p.volume), dg_mode_name(p.mmap),
	       dg_mode_name(p.files));
	dg_list_print("allow:", p.allow);
	dg_list_print("deny:", p.deny);
	dg_list_print("watch:", p.watch);
	return NL_OK;
}

/* Patterns given with --allow, --deny and --watch. */
struct dg_patterns {
	char *v[DRIFTGUARD_LIST_MAX + 1];
	int n;
};

static int dg_pattern_add(struct dg_patterns *l, const char *opt, char *s)
{
	if (l->n > DRIFTGUARD_LIST_MAX) {
		dg_err("--%s: at most %d entries", opt, DRIFTGUARD_LIST_MAX);
		return -E2BIG;
	}
	l->v[l->n++] = s;
	return 0;
}

static int dg_mode_opt(const char *opt, const char *val, int max)
{
	int m = dg_mode_parse(val);

	if (m < 0 || m > max) {
		dg_err("--%s: '%s' is not %s", opt, val,
		       max == DRIFTGUARD_MODE_DETECT ? "off or detect" :
		       "off, detect or prevent");
		return -1;
	}
	return m;
}

static int cmd_policy_set(struct dg_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "mode", required_argument, NULL, DRIFTGUARD_A_MODE },
		{ "memfd", required_argument, NULL, DRIFTGUARD_A_MEMFD },
		{ "volume", required_argument, NULL, DRIFTGUARD_A_VOLUME },
		{ "mmap", required_argument, NULL, DRIFTGUARD_A_MMAP },
		{ "files", required_argument, NULL, DRIFTGUARD_A_FILES },
		{ "allow", required_argument, NULL, DRIFTGUARD_A_ALLOW },
		{ "deny", required_argument, NULL, DRIFTGUARD_A_DENY },
		{ "watch", required_argument, NULL, DRIFTGUARD_A_WATCH },
		{ NULL, 0, NULL, 0 },
	};
	struct dg_patterns allow = { .n = 0 }, deny = { .n = 0 },
			   watch = { .n = 0 };
	int modes[DRIFTGUARD_A_MAX + 1];
	char path[4096];
	struct nl_msg *msg;
	uint64_t id;
	int c, i, err;

	for (i = 0; i <= DRIFTGUARD_A_MAX; i++)
		modes[i] = -1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		const char *name = c > 0 ? dg_attr_name(c) : "";

		switch (c) {
		case DRIFTGUARD_A_MODE:
		case DRIFTGUARD_A_MEMFD:
		case DRIFTGUARD_A_VOLUME:
		case DRIFTGUARD_A_MMAP:
			modes[c] = dg_mode_opt(name, optarg, DRIFTGUARD_MODE_MAX);
			if (modes[c] < 0)
				return dg_usage_error(ctx);
			break;
		case DRIFTGUARD_A_FILES:
			modes[c] = dg_mode_opt(name, optarg, DRIFTGUARD_MODE_DETECT);
			if (modes[c] < 0)
				return dg_usage_error(ctx);
			break;
		case DRIFTGUARD_A_ALLOW:
			if (dg_pattern_add(&allow, name, optarg))
				return dg_usage_error(ctx);
			break;
		case DRIFTGUARD_A_DENY:
			if (dg_pattern_add(&deny, name, optarg))
				return dg_usage_error(ctx);
			break;
		case DRIFTGUARD_A_WATCH:
			if (dg_pattern_add(&watch, name, optarg))
				return dg_usage_error(ctx);
			break;
		default:
			return dg_usage_error(ctx);
		}
	}
	if (optind != argc - 1)
		return dg_usage_error(ctx);
	err = dg_cgroup_arg(argv[optind], path, sizeof(path), &id);
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;

	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_SET, 0);
	if (!msg || nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id))
		goto nomem;
	for (i = DRIFTGUARD_A_MODE; i <= DRIFTGUARD_A_FILES; i++)
		if (modes[i] >= 0 && nla_put_u8(msg, i, (uint8_t)modes[i]))
			goto nomem;
	if (dg_nl_put_patterns(msg, DRIFTGUARD_A_ALLOW, allow.v, allow.n) ||
	    dg_nl_put_patterns(msg, DRIFTGUARD_A_DENY, deny.v, deny.n) ||
	    dg_nl_put_patterns(msg, DRIFTGUARD_A_WATCH, watch.v, watch.n))
		goto nomem;
	return dg_call(ctx, "policy set", msg, NULL, NULL);
nomem:
	nlmsg_free(msg);
	return -ENOMEM;
}

/* A request about one cgroup: policy get and policy del. */
static int dg_cgroup_call(struct dg_ctx *ctx, const char *what, uint8_t cmd,
			  const char *cgroup, int (*cb)(struct nl_msg *, void *))
{
	struct nl_msg *msg;
	char path[4096];
	uint64_t id;
	int err;

	err = dg_cgroup_arg(cgroup, path, sizeof(path), &id);
	if (err)
		return err;
	err = dg_connect(ctx);
	if (err)
		return err;
	msg = dg_nl_msg(&ctx->nl, cmd, 0);
	if (msg && nla_put_u64(msg, DRIFTGUARD_A_CGROUP_ID, id)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return dg_call(ctx, what, msg, cb, ctx);
}

static int cmd_policy_get(struct dg_ctx *ctx, int argc, char **argv)
{
	int i = dg_parse_json_opt(ctx, argc, argv);

	if (i < 0 || i != argc - 1)
		return dg_usage_error(ctx);
	return dg_cgroup_call(ctx, "policy get", DRIFTGUARD_CMD_POLICY_GET,
			      argv[i], dg_policy_print_cb);
}

static int cmd_policy_list(struct dg_ctx *ctx, int argc, char **argv)
{
	int i, err;

	i = dg_parse_json_opt(ctx, argc, argv);
	if (i < 0 || i != argc)
		return dg_usage_error(ctx);
	err = dg_connect(ctx);
	if (err)
		return err;
	return dg_call(ctx, "policy list",
		       dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_POLICY_GET, NLM_F_DUMP),
		       dg_policy_print_cb, ctx);
}

static int cmd_policy_del(struct dg_ctx *ctx, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-')
		return dg_usage_error(ctx);
	return dg_cgroup_call(ctx, "policy del", DRIFTGUARD_CMD_POLICY_DEL,
			      argv[1], NULL);
}

/* --- global controls --------------------------------------------------- */

static int cmd_alert_only(struct dg_ctx *ctx, int argc, char **argv)
{
	struct nl_msg *msg;
	int on, err;

	if (argc != 2 || (strcmp(argv[1], "on") && strcmp(argv[1], "off")))
		return dg_usage_error(ctx);
	on = !strcmp(argv[1], "on");
	err = dg_connect(ctx);
	if (err)
		return err;
	msg = dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_CONFIG_SET, 0);
	if (msg && nla_put_u8(msg, DRIFTGUARD_A_ALERT_ONLY, on)) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	return dg_call(ctx, "alert-only", msg, NULL, NULL);
}

static int cmd_lock(struct dg_ctx *ctx, int argc, char **argv)
{
	int err;

	(void)argv;
	if (argc != 1)
		return dg_usage_error(ctx);
	err = dg_connect(ctx);
	if (err)
		return err;
	return dg_call(ctx, "lock", dg_nl_msg(&ctx->nl, DRIFTGUARD_CMD_LOCK, 0),
		       NULL, NULL);
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
	struct dg_event ev;
	char cgroup[4096];

	if (genlmsg_hdr(nlmsg_hdr(msg))->cmd != DRIFTGUARD_CMD_EVENT ||
	    dg_nl_parse(msg, tb))
		return NL_SKIP;
	dg_nl_event(tb, &ev);
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
	printf("%s %s %s pid=%" PRIu32 " ppid=%" PRIu32 " uid=%" PRIu32
	       " comm=%s path=%s filename=%s%s%s cgroup=%s\n",
	       dg_action_name(ev.action), dg_class_name(ev.class),
	       dg_hook_name(ev.hook), ev.pid, ev.ppid, ev.uid, ev.comm, ev.path,
	       ev.filename, ev.interpreter[0] ? " interpreter=" : "",
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
	if (i < 0 || i != argc)
		return dg_usage_error(ctx);
	err = dg_connect(ctx);
	if (err)
		return err;
	err = dg_nl_join_events(&ctx->nl);
	if (err) {
		dg_err("cannot join the events group: %s",
		       err == -EPERM ? "permission denied (needs CAP_NET_ADMIN)" :
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
		dg_json_print(o);
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
	if (i < 0 || i == argc)
		return dg_usage_error(ctx);
	/* Rotated files, oldest first: each must continue the one before. */
	for (; i < argc; i++) {
		err = dg_verify_file(ctx, argv[i], last_file ? last : NULL,
				     last_file, &r);
		if (err) {
			ret = err;
			last_file = NULL;
		} else if (r.records) {
			memcpy(last, r.last_hash, sizeof(last));
			last_file = argv[i];
		}
	}
	return ret;
}

static const struct dg_cmd dg_cmds[] = {
	{ "status", NULL, cmd_status, "status [--json]",
	  "Show the module version, global controls and counters." },
	{ "policy", "set", cmd_policy_set,
	  "policy set CGROUP [--mode M] [--memfd M] [--volume M] [--mmap M]\n"
	  "                    [--files off|detect] [--allow PATH]...\n"
	  "                    [--deny PATTERN]... [--watch PATTERN]...",
	  "Set CGROUP's policy as a whole (absent fields: off, empty lists).\n"
	  "      M is off, detect or prevent. --mode: files in the upper layer;\n"
	  "      --memfd: memfds and unlinked files; --volume: files outside the\n"
	  "      container's root mount; --mmap: executable mappings of such files;\n"
	  "      --files detect: report image files modified and files created.\n"
	  "      A PATTERN with '/' is a full path, else a file name." },
	{ "policy", "get", cmd_policy_get, "policy get CGROUP [--json]",
	  "Show CGROUP's own policy." },
	{ "policy", "list", cmd_policy_list, "policy list [--json]",
	  "Show every policy." },
	{ "policy", "del", cmd_policy_del, "policy del CGROUP",
	  "Remove CGROUP's own policy (it inherits its parent's again)." },
	{ "events", NULL, cmd_events, "events [--json]",
	  "Follow events until interrupted; --json: one object per line." },
	{ "alert-only", NULL, cmd_alert_only, "alert-only on|off",
	  "When on, nothing is denied and everything is reported." },
	{ "lock", NULL, cmd_lock, "lock",
	  "Until reboot: policies can only be tightened, alert-only cannot be\n"
	  "      set, and the module cannot be unloaded." },
	{ "verify-log", NULL, cmd_verify_log, "verify-log [--json] FILE...",
	  "Check the hash chain of driftguardd's JSON event log; give rotated\n"
	  "      files oldest first. Exit status 1 names the first bad record.\n"
	  "      The last record of a log is vouched for by no other." },
};

#define DG_NCMDS (sizeof(dg_cmds) / sizeof(dg_cmds[0]))

static void dg_usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: driftctl [--help] [--version] COMMAND [ARGS]\n\n"
		"Controls the driftguard kernel module over generic netlink.\n"
		"Commands need CAP_NET_ADMIN. CGROUP is a cgroup v2 directory,\n"
		"absolute (/sys/fs/cgroup/system.slice) or relative to the cgroup2\n"
		"mount (system.slice). A policy covers its cgroup and every\n"
		"descendant without a policy of its own.\n\nCommands:\n");
	for (i = 0; i < DG_NCMDS; i++)
		fprintf(out, "  driftctl %s\n      %s\n", dg_cmds[i].usage,
			dg_cmds[i].help);
	fprintf(out, "\nExit status: 0 success, 1 the operation failed, 2 usage error,\n"
		"3 the module is not loaded, 4 permission denied.\n");
}

static const struct dg_cmd *dg_find_cmd(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < DG_NCMDS; i++) {
		if (strcmp(argv[1], dg_cmds[i].name))
			continue;
		if (!dg_cmds[i].sub ||
		    (argc > 2 && !strcmp(argv[2], dg_cmds[i].sub)))
			return &dg_cmds[i];
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct dg_ctx ctx = { .json = false };
	const struct dg_cmd *cmd;
	int err, shift;

	if (argc < 2) {
		dg_usage(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		dg_usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("driftctl %s\n", DRIFTGUARD_VERSION);
		return EXIT_OK;
	}
	cmd = dg_find_cmd(argc, argv);
	if (!cmd) {
		dg_err("unknown command '%s%s%s' (see driftctl --help)", argv[1],
		       argc > 2 ? " " : "", argc > 2 ? argv[2] : "");
		return EXIT_USAGE;
	}

	shift = cmd->sub ? 2 : 1;
	err = cmd->handler(&ctx, argc - shift, argv + shift);
	dg_nl_close(&ctx.nl);
	if (ctx.usage_error) {
		fprintf(stderr, "usage: driftctl %s\n", cmd->usage);
		return EXIT_USAGE;
	}
	if (!err)
		return EXIT_OK;
	if (ctx.not_loaded)
		return EXIT_NOT_LOADED;
	if (err == -EPERM)
		return EXIT_PERM;
	return EXIT_FAIL;
}
