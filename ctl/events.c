// SPDX-License-Identifier: GPL-2.0
/* driftctl: events, the module's decisions as they happen. */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "cgroup.h"
#include "container.h"
#include "ctl.h"
#include "evlog.h"
#include "names.h"
#include "record.h"

static volatile sig_atomic_t dg_stop;
/* Containers' image, name and pod, read once per container. */
static struct dg_context_cache *dg_contexts;

static void dg_on_signal(int sig)
{
	(void)sig;
	dg_stop = 1;
}

/*
 * The image, name and pod of the container of @cgroup, as its runtime's
 * files say (cached per container), or NULL outside a container.
 */
static const struct dg_context *dg_event_context(const char *cgroup)
{
	struct dg_container ctr;
	struct timespec ts;
	char own[4096];

	if (!cgroup[0] || dg_container_from_cgroup(cgroup, &ctr))
		return NULL;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(own, sizeof(own), "%.*s", (int)ctr.cgroup_len, cgroup);
	return dg_context_cache_get(dg_contexts, &ctr, own, (uint64_t)ts.tv_sec);
}

/* " KEY=VALUE", for a known (non-empty) value only. */
static void dg_print_field(const char *key, const char *value)
{
	if (value[0])
		printf(" %s=%s", key, value);
}

static int dg_event_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dg_ctx *ctx = arg;
	const struct dg_context *cx;
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

	cx = dg_event_context(cgroup);
	if (ctx->json) {
		/* The same object, field for field, as driftguardd's log. */
		o = dg_record_event(&ev, NULL);
		if (o && cx)
			dg_context_json(o, cx);
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
	       " comm=%s%s%s%s%s%s%s cgroup=%s", when,
	       dg_action_name(ev.action), dg_class_name(ev.class),
	       dg_hook_name(ev.hook), ev.pid, ev.ppid, ev.uid, ev.comm,
	       ev.path[0] ? " path=" : "", ev.path,
	       ev.path[0] ? " filename=" : "", ev.path[0] ? ev.filename : "",
	       ev.interpreter[0] ? " interpreter=" : "",
	       ev.interpreter, cgroup[0] ? cgroup : "?");
	/* A network event: what it listened on or connected to. */
	if (ev.addr)
		printf(" protocol=%s address=%s port=%" PRIu32,
		       dg_proto_name(ev.proto), ev.addr, ev.port);
	/* Package drift: whose tree it changed. */
	if (dg_event_manager(ev.class, ev.path))
		printf(" manager=%s", dg_event_manager(ev.class, ev.path));
	if (cx) {
		dg_print_field("image", cx->image);
		dg_print_field("image_id", cx->image_id);
		dg_print_field("container_name", cx->container_name);
		dg_print_field("k8s_namespace", cx->k8s_namespace);
		dg_print_field("k8s_pod", cx->k8s_pod);
		dg_print_field("k8s_container", cx->k8s_container);
	}
	putchar('\n');
	fflush(stdout);
	return NL_OK;
}

int cmd_events(struct dg_ctx *ctx, int argc, char **args)
{
	struct sigaction sa = { .sa_handler = dg_on_signal };
	struct dg_context_roots roots;
	struct dg_config *cfg = NULL;
	time_t pruned = 0;
	struct pollfd pfd;
	int err;

	(void)argc;
	(void)args;
	err = dg_ctl_roots(ctx, &cfg, &roots);
	if (err)
		return err;
	dg_contexts = dg_context_cache_new(DG_CONTEXT_CACHE_MAX, &roots,
					   dg_ctl_log);
	dg_config_free(cfg);
	if (!dg_contexts) {
		dg_err("out of memory");
		return -ENOMEM;
	}
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
		/* Containers gone take their context with them. */
		if (dg_contexts && time(NULL) - pruned >= 30) {
			dg_context_cache_prune(dg_contexts);
			pruned = time(NULL);
		}
		if (poll(&pfd, 1, 30000) < 0) {
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
	dg_context_cache_free(dg_contexts);
	dg_contexts = NULL;
	return 0;
}
