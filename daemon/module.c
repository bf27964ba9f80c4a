// SPDX-License-Identifier: GPL-2.0
/* driftguardd: whether the module is there, and what happens when it comes or goes. */
#include "dgd.h"

/* --- the module --------------------------------------------------------- */

static int dgd_status_cb(struct nl_msg *msg, void *arg)
{
	return dg_nl_status_parse(msg, arg) ? NL_SKIP : NL_OK;
}

static void dgd_module_down(struct dgd *d, const char *why)
{
	if (!d->module_up)
		return;
	dgd_log("the module went away (%s): waiting for it; its policies "
		"are set again when it is back", why);
	/* The lock refuses even rmmod -f: something stronger removed it. */
	if (d->locked)
		dgd_loss(d, 0, "the module was unloaded although it was locked: "
			 "nothing is enforced or reported until it is loaded "
			 "again");
	d->locked = false;
	dg_nl_close(&d->nl);
	dg_nl_close(&d->ev);
	d->module_up = false;
	d->family_gone = false;
	dgd_status(d);
}

/* Asks for the counters: tells whether the module is there, and drops. */
void dgd_check_module(struct dgd *d)
{
	struct dg_nl_status st = { .policies = 0 };
	uint64_t dropped;
	int err;

	if (d->family_gone) {
		dgd_module_down(d, "its netlink family was removed");
		return;
	}
	err = dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			    dgd_status_cb, &st);
	if (err == -ENOENT || err == -EIO) {
		dgd_module_down(d, "status request failed");
		return;
	}
	if (err)
		return;
	d->locked = st.locked;
	d->status = st;
	if (!st.have_counter[DRIFTGUARD_STAT_EVENTS_DROPPED])
		return;
	dropped = st.counters[DRIFTGUARD_STAT_EVENTS_DROPPED];
	/*
	 * The counter also counts events made while nobody listened and
	 * those another listener missed: while we listen, it is an upper
	 * bound of what we lost.
	 */
	if (dropped > d->dropped_seen) {
		dgd_loss(d, dropped - d->dropped_seen,
			 "the module's event queue was full "
			 "(its events_dropped counter)");
		dgd_status(d);
	}
	d->dropped_seen = dropped;
}


/*
 * Whether the module is in alert-only mode now. Asked only when a response
 * would act on an alert: a blocked record already says it was not. When
 * the module cannot answer, the answer is "yes": no response on a doubt.
 */
bool dgd_alert_only(struct dgd *d)
{
	struct dg_nl_status st = { .policies = 0 };

	if (!d->module_up ||
	    dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			  dgd_status_cb, &st))
		return true;
	return st.alert_only;
}

/* Joins nlctrl's notify group: the family's removal is seen at once. */
static void dgd_join_ctrl(struct dgd *d)
{
	int grp = genl_ctrl_resolve_grp(d->ev.sock, "nlctrl", "notify");

	if (grp >= 0)
		nl_socket_add_membership(d->ev.sock, grp);
}

void dgd_module_up(struct dgd *d)
{
	struct dg_nl_status st = { .policies = 0 };
	int err;

	if (d->module_up || dg_nl_open(&d->nl))
		return;
	err = dg_nl_open(&d->ev);
	/* Before the events group: no event can arrive amid the lookup. */
	if (!err)
		dgd_join_ctrl(d);
	if (!err)
		err = dg_nl_join_events(&d->ev);
	if (err) {
		dgd_log("cannot join the events group: %s", strerror(-err));
		dg_nl_close(&d->ev);
		dg_nl_close(&d->nl);
		return;
	}
	nl_socket_modify_cb(d->ev.sock, NL_CB_VALID, NL_CB_CUSTOM,
			    dgd_event_cb, d);
	nl_socket_set_buffer_size(d->ev.sock, 8 << 20, 0);
	nl_socket_set_nonblocking(d->ev.sock);
	d->module_up = true;
	/* A new module counts from zero: only drops from now on are news. */
	if (!dg_nl_request(&d->nl, dg_nl_msg(&d->nl, DRIFTGUARD_CMD_STATUS_GET, 0),
			   dgd_status_cb, &st)) {
		d->dropped_seen = st.counters[DRIFTGUARD_STAT_EVENTS_DROPPED];
		d->locked = st.locked;
		d->status = st;
	}
	dgd_log("the module is loaded: setting its policies");
	dg_sync_full(&d->sync, d->cfg, &d->nl);
	/*
	 * Between a reload and this sync the module ran without our
	 * policies and its events reached nobody: say so in the records.
	 */
	if (d->was_up)
		dgd_loss(d, d->dropped_seen, "the module was unloaded and loaded "
			 "again: its policies were set again; the count is the "
			 "events it made before driftguardd listened");
	d->was_up = true;
	dgd_status(d);
}
