// SPDX-License-Identifier: GPL-2.0
/* driftguardd: the event pipeline, from a netlink event to a record and a response. */
#include "dgd.h"

/* --- events ------------------------------------------------------------- */

void dgd_context_roots(const struct dg_config *cfg, struct dg_context_roots *r)
{
	r->docker = cfg->daemon.docker_root;
	r->containerd = cfg->daemon.containerd_state;
	r->crio = cfg->daemon.crio_state;
	r->podman = cfg->daemon.podman_root;
}

/*
 * The container's image, name and pod (only what is known). The runtime's
 * file is read at the container's first record only: after that a lookup
 * in the cache.
 */
static void dgd_context(struct dgd *d, const struct dg_nl_event *ev,
			struct json_object *o)
{
	char own[PATH_MAX];

	if (!ev->container)
		return;
	snprintf(own, sizeof(own), "%.*s", (int)ev->container->cgroup_len,
		 ev->cgroup);
	dg_context_json(o, dg_context_cache_get(d->contexts, ev->container, own,
						dgd_now(CLOCK_MONOTONIC) / NSEC_PER_SEC));
}

/*
 * A reported (not refused) file-drift event under one of the policy's
 * files_exclude prefixes.
 */
static bool dgd_excluded(const struct dg_policy *p, const struct dg_nl_event *ev)
{
	size_t len;
	int i;

	if (!p || ev->action != DRIFTGUARD_ACTION_ALERTED ||
	    (ev->class != DRIFTGUARD_CLASS_CREATED &&
	     ev->class != DRIFTGUARD_CLASS_MODIFIED &&
	     ev->class != DRIFTGUARD_CLASS_DELETED &&
	     ev->class != DRIFTGUARD_CLASS_CONFIG &&
	     ev->class != DRIFTGUARD_CLASS_PACKAGE))
		return false;
	for (i = 0; i < p->files_exclude.n; i++) {
		const char *pre = p->files_exclude.v[i];

		len = strlen(pre);
		while (len > 1 && pre[len - 1] == '/')
			len--;
		if (!strncmp(ev->path, pre, len) &&
		    (ev->path[len] == '/' || !ev->path[len] || len == 1))
			return true;
	}
	return false;
}

/* The SHA-256 (and the copy) of the drifted file an exec or mmap ran. */
static void dgd_evidence(struct dgd *d, const struct dg_nl_event *ev,
			 struct json_object *o)
{
	const struct dg_daemon_config *c = &d->cfg->daemon;
	struct dg_evidence e;

	if (!dg_evidence_wanted(ev->hook, ev->class))
		return;
	dg_evidence_collect(ev->tgid, ev->cgroup[0] ? ev->cgroup : NULL, ev->path,
			    ev->ino, c->quarantine ? c->quarantine_dir : NULL,
			    c->quarantine_max_bytes, &e);
	json_object_object_add(o, "sha256", json_object_new_string(e.sha256));
	if (e.quarantine[0])
		json_object_object_add(o, "quarantine",
				       json_object_new_string(e.quarantine));
	if (e.note[0])
		json_object_object_add(o, "evidence", json_object_new_string(e.note));
}

/*
 * capture = yes: the container's first drift record in a throttle window
 * names the capture file the capture thread is about to write ("capture"),
 * or says why there is none ("capture_error", logged once per run of
 * failures). The record never waits for the capture.
 */
static void dgd_capture(struct dgd *d, const struct dg_policy *p,
			const struct dg_nl_event *ev, const char *cgroup,
			struct json_object *o)
{
	const struct dg_daemon_config *c = &d->cfg->daemon;
	struct dg_capture_job *job;
	struct json_object *rec;
	char who[96], why[PATH_MAX + 128];
	int err;

	if (!p || !p->capture)
		return;
	if (ev->container)
		snprintf(who, sizeof(who), "%.12s", ev->container->id);
	else
		snprintf(who, sizeof(who), "cgroup-%" PRIu64, ev->cgroup_id);
	if (!dg_capturer_due(&d->capturer, who, dgd_now(CLOCK_MONOTONIC),
			     c->throttle_window))
		return;
	job = calloc(1, sizeof(*job));
	if (!job) {
		snprintf(why, sizeof(why), "out of memory");
		goto fail;
	}
	if (!cgroup[0]) {
		snprintf(why, sizeof(why), "the container's cgroup is gone");
		goto fail;
	}
	err = dg_capture_dir_ready(c->capture_dir);
	if (err) {
		snprintf(why, sizeof(why), "capture_dir %s: %s", c->capture_dir,
			 strerror(-err));
		goto fail;
	}
	snprintf(job->cgroup, sizeof(job->cgroup), "%.*s",
		 ev->container ? (int)ev->container->cgroup_len : (int)strlen(cgroup),
		 cgroup);
	snprintf(job->dir, sizeof(job->dir), "%s", c->capture_dir);
	dg_capture_name(dgd_now(CLOCK_REALTIME), who, job->name, sizeof(job->name));
	job->pid = ev->tgid;
	job->lim.max_entries = c->capture_max_entries;
	job->lim.max_bytes = c->capture_max_bytes;
	job->keep = c->capture_keep;
	job->doc = json_object_new_object();
	rec = NULL;
	if (!job->doc || json_object_deep_copy(o, &rec, NULL)) {
		snprintf(why, sizeof(why), "out of memory");
		goto fail;
	}
	json_object_object_add(job->doc, "format",
			       json_object_new_string(DG_CAPTURE_FORMAT));
	json_object_object_add(job->doc, "record", rec);
	err = dg_capturer_queue(&d->capturer, job);
	if (err) {
		snprintf(why, sizeof(why), "%d captures are being taken already",
			 DG_CAPTURE_QUEUE);
		goto fail;
	}
	snprintf(why, sizeof(why), "%s/%s", c->capture_dir, job->name);
	json_object_object_add(o, "capture", json_object_new_string(why));
	d->capture_failed = false;
	return;
fail:
	if (job) {
		json_object_put(job->doc);
		free(job);
	}
	if (!d->capture_failed)
		dgd_log("no capture for %s: %s (said once until a capture is queued again)",
			who, why);
	d->capture_failed = true;
	json_object_object_add(o, "capture_error", json_object_new_string(why));
}

static void dgd_record(struct dgd *d, struct nlattr **tb)
{
	struct dg_container ctr;
	const struct dg_policy *p;
	struct json_object *o;
	char cgroup[PATH_MAX], message[PATH_MAX + 64], who[32];
	char endpoint[PATH_MAX];
	struct dg_nl_event ev;
	bool respond;

	dg_nl_event_parse(tb, &ev);
	ev.cgroup = cgroup;
	/* A cgroup can be gone by now (short-lived container): "" then. */
	if (dg_cgroup_find(dg_cgroup_root(), ev.cgroup_id, cgroup, sizeof(cgroup)))
		cgroup[0] = '\0';
	if (cgroup[0] && !dg_container_from_cgroup(cgroup, &ctr))
		ev.container = &ctr;
	p = dg_sync_policy_of(&d->sync, ev.policy_cgroup_id);
	d->events++;
	if (dgd_excluded(p, &ev)) {
		d->excluded++;
		return;
	}

	o = dg_record_base(&ev);
	if (!o) {
		dgd_loss(d, 1, "out of memory");
		return;
	}
	dgd_context(d, &ev, o);
	json_object_object_add(o, "record", json_object_new_string("drift"));
	json_object_object_add(o, "policy", json_object_new_string(p ? p->name : ""));
	json_object_object_add(o, "severity", json_object_new_string(
		dg_severity_name(p ? (int)p->severity : DG_SEVERITY_HIGH)));
	json_object_object_add(o, "runbook", json_object_new_string(
		p ? p->runbook : ""));
	/*
	 * Responses act on what the kernel refused, unless the policy's
	 * response_on says otherwise; never while alert-only is on.
	 */
	respond = p && cgroup[0] && dg_response_answers(ev.hook) &&
		  dg_response_applies(p, ev.action, ev.class, false) &&
		  (ev.action == DRIFTGUARD_ACTION_BLOCKED || !dgd_alert_only(d));

	/*
	 * The same container, path, action, class and hook again: counted,
	 * not written. The class keeps apart what one path can be both (an
	 * upper-layer library and its written, executable mapping); events
	 * without a path (userns, anonymous execmem) share a key per container.
	 */
	snprintf(who, sizeof(who), "cgroup:%" PRIu64, ev.cgroup_id);
	/* A network event's key is its endpoint: "tcp 10.0.0.5:443". */
	if (!dg_record_endpoint(&ev, endpoint, sizeof(endpoint)))
		snprintf(endpoint, sizeof(endpoint), "%s", ev.path ? ev.path : "");
	if (!dg_throttle_hit(d->throttle, ev.container ? ev.container->id : who,
			     endpoint,
			     ev.class << 16 | ev.action << 8 | ev.hook,
			     dgd_now(CLOCK_MONOTONIC), o)) {
		d->suppressed++;
		/* Every attempt gets the response: a restarted container too. */
		if (respond)
			dgd_respond(d, p, cgroup, ev.container, o);
		json_object_put(o);
		return;
	}
	/*
	 * Before the evidence (hashing takes time) and the response (a killed
	 * process's /proc is gone): the process may exit any moment.
	 */
	dg_record_complete(o, &ev, NULL);
	dgd_evidence(d, &ev, o);
	dgd_capture(d, p, &ev, cgroup, o);
	dg_record_message(&ev, message, sizeof(message));
	json_object_get(o);
	dgd_emit(d, o, dg_sink_priority(ev.action, p ? (int)p->severity :
					DG_SEVERITY_HIGH), message);
	if (respond)
		dgd_respond(d, p, cgroup, ev.container, o);
	json_object_put(o);
}

int dgd_event_cb(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *h = nlmsg_hdr(msg);
	struct genlmsghdr *gh = nlmsg_data(h);
	struct nlattr *tb[DRIFTGUARD_A_MAX + 1];
	struct dgd *d = arg;

	if (h->nlmsg_type == GENL_ID_CTRL) {
		struct nlattr *ctb[CTRL_ATTR_MAX + 1];

		if (gh->cmd == CTRL_CMD_DELFAMILY &&
		    !genlmsg_parse(h, 0, ctb, CTRL_ATTR_MAX, NULL) &&
		    ctb[CTRL_ATTR_FAMILY_NAME] &&
		    !strcmp(nla_get_string(ctb[CTRL_ATTR_FAMILY_NAME]),
			    DRIFTGUARD_GENL_NAME))
			d->family_gone = true;
		return NL_OK;
	}
	if (h->nlmsg_type != d->ev.family || gh->cmd != DRIFTGUARD_CMD_EVENT ||
	    dg_nl_parse(msg, tb))
		return NL_SKIP;
	dgd_record(d, tb);
	return NL_OK;
}

void dgd_read_events(struct dgd *d)
{
	bool overrun = false;
	int i, err;

	/* Bounded: a storm of events must not starve the other fds. */
	for (i = 0; i < 4096; i++) {
		err = nl_recvmsgs_default(d->ev.sock);
		if (err == -NLE_NOMEM || err == -NLE_MSG_OVERFLOW) {
			/*
			 * ENOBUFS: the kernel could not queue to us. The
			 * module counts those in events_dropped: ask now.
			 */
			dgd_log("the event socket overran: events were lost");
			overrun = true;
			continue;
		}
		if (err < 0)
			break;
	}
	if (d->family_gone || overrun)
		dgd_check_module(d);
}
