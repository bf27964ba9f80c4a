// SPDX-License-Identifier: GPL-2.0
/* driftguardd: a policy's response to a drift record (kill, stop, pause). */
#include "dgd.h"

/* --- responses ---------------------------------------------------------- */

static const char *const dgd_context_fields[] = {
	"path", "cgroup", "runtime", "container_id", "pod_uid", "image",
	"image_id", "container_name", "k8s_namespace", "k8s_pod",
	"k8s_container", "policy", "severity", "runbook", NULL,
};

static void dgd_response_record(struct dgd *d, struct json_object *o,
				const char *what, int err)
{
	char result[128], message[PATH_MAX + 128];

	if (err)
		snprintf(result, sizeof(result), "error: %s", strerror(-err));
	else
		snprintf(result, sizeof(result), "ok");
	json_object_object_add(o, "result", json_object_new_string(result));
	snprintf(message, sizeof(message), "response %s on %s: %s", what,
		 dgd_str(o, "target"), result);
	dgd_log("%s", message);
	dgd_emit(d, o, err ? LOG_ERR : LOG_WARNING, message);
}

/*
 * The policy's response to the drift event @ev (its record, with the
 * container context) in cgroup @cgroup.
 */
void dgd_respond(struct dgd *d, const struct dg_policy *p,
		 const char *cgroup, const struct dg_container *ctr,
		 struct json_object *ev)
{
	const char *what = dg_response_name(p->response);
	char dir[PATH_MAX];
	struct json_object *o;
	unsigned int n = 0;
	size_t i;
	int err;

	err = dg_response_target(dg_cgroup_root(), cgroup, ctr, dir, sizeof(dir));
	/* One stop at a time per container: its grace is running. */
	for (i = 0; !err && i < d->nstops; i++)
		if (!strcmp(d->stops[i].dir, dir))
			return;
	/*
	 * Processes already on their way out (killed, freezing) can still
	 * try once more: the same response to the same cgroup within a
	 * second is not repeated.
	 */
	if (!err && d->last_response == p->response &&
	    !strcmp(d->last_target, dir) &&
	    dgd_now(CLOCK_MONOTONIC) - d->last_response_at < NSEC_PER_SEC)
		return;
	if (!err) {
		d->last_response = p->response;
		snprintf(d->last_target, sizeof(d->last_target), "%s", dir);
		d->last_response_at = dgd_now(CLOCK_MONOTONIC);
	}
	o = dgd_record_new("response");
	if (!o)
		return;
	json_object_object_add(o, "response", json_object_new_string(what));
	json_object_object_add(o, "target", json_object_new_string(err ? "" : dir));
	dgd_copy_fields(o, ev, dgd_context_fields);
	if (err) {
		dgd_response_record(d, o, what, err);
		return;
	}
	switch (p->response) {
	case DG_RESPONSE_KILL:
		err = dg_response_kill(dir);
		break;
	case DG_RESPONSE_PAUSE:
		err = dg_response_pause(dir);
		break;
	case DG_RESPONSE_STOP:
		err = dg_response_term(dir, &n);
		json_object_object_add(o, "signalled", json_object_new_uint64(n));
		if (d->nstops < DG_STOPS_MAX) {
			struct dgd_stop *st = &d->stops[d->nstops++];

			/*
			 * Held open: a container restarted under the same
			 * name within the grace gets a new cgroup, which the
			 * kill must not reach.
			 */
			st->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
			snprintf(st->dir, sizeof(st->dir), "%s", dir);
			st->deadline = dgd_now(CLOCK_MONOTONIC) +
				       DG_RESPONSE_GRACE_SEC * NSEC_PER_SEC;
			st->record = NULL;
			if (json_object_deep_copy(o, &st->record, NULL)) {
				json_object_put(st->record);
				st->record = NULL;
			}
		} else {
			/* No room to wait: no grace. */
			err = dg_response_kill(dir);
		}
		break;
	default:
		json_object_put(o);
		return;
	}
	dgd_response_record(d, o, what, err);
}

/* Stops whose grace ended (all when @all): cgroup.kill now. */
void dgd_stops_due(struct dgd *d, bool all)
{
	uint64_t now = dgd_now(CLOCK_MONOTONIC);
	struct json_object *o;
	size_t i = 0;
	int err;

	while (i < d->nstops) {
		struct dgd_stop *st = &d->stops[i];

		if (!all && st->deadline > now) {
			i++;
			continue;
		}
		o = st->record;
		err = st->dirfd >= 0 ? dg_response_kill_at(st->dirfd) : -ENOENT;
		/* A container that exited on SIGTERM leaves nothing to kill. */
		if (err == -ENOENT)
			err = 0;
		if (st->dirfd >= 0)
			close(st->dirfd);
		if (o) {
			dg_record_add_time(o, "time", dgd_now(CLOCK_REALTIME));
			dg_record_stamp(o, NULL);
			json_object_object_add(o, "response",
					       json_object_new_string("stop-kill"));
			json_object_object_del(o, "signalled");
			json_object_object_del(o, "prev");
			dgd_response_record(d, o, "stop-kill", err);
		}
		/* The last one moves into the hole; its old slot is cleared. */
		*st = d->stops[--d->nstops];
		memset(&d->stops[d->nstops], 0, sizeof(d->stops[d->nstops]));
	}
}
