/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: a generic netlink client for the driftguard family. */
#ifndef DG_NL_H
#define DG_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <netlink/genl/genl.h>
#include <linux/driftguard.h>

#include "evlog.h"

struct dg_nl {
	struct nl_sock *sock;
	int family;		/* resolved family id */
	int events_group;	/* resolved multicast group id, or -1 */
	char extack[256];	/* the kernel's message for the last error */
};

/* Returns 0, or -ENOENT when the module is not loaded, or another -errno. */
int dg_nl_open(struct dg_nl *nl);
void dg_nl_close(struct dg_nl *nl);

/*
 * Room for the largest request: a policy whose three lists hold
 * DRIFTGUARD_LIST_MAX entries of DRIFTGUARD_PATTERN_MAX - 1 bytes each
 * takes about 50 KiB, the two network lists full add 10.5 KiB and the two
 * prefix lists full 4 KiB: 63.5 KiB (the module asserts it stays below 64).
 */
#define DG_NL_MSG_MAX (64 * 1024)
/* Socket buffers: room for a few of those (the kernel caps at rmem_max). */
#define DG_NL_SOCK_BUF (256 * 1024)

/* A new request for @cmd, ready for attributes. NULL on allocation failure. */
struct nl_msg *dg_nl_msg(struct dg_nl *nl, uint8_t cmd, int flags);

/*
 * Sends @msg (and frees it), calls @cb for every reply message, and waits
 * for the kernel's acknowledgement. Returns 0 or the kernel's -errno; the
 * kernel's extended-ack text, if any, is left in nl->extack.
 */
int dg_nl_request(struct dg_nl *nl, struct nl_msg *msg,
		  int (*cb)(struct nl_msg *msg, void *arg), void *arg);

/* Joins the events group; then nl_recvmsgs delivers DRIFTGUARD_CMD_EVENT. */
int dg_nl_join_events(struct dg_nl *nl);

/* Parses a driftguard message's attributes into @tb (DRIFTGUARD_A_MAX + 1). */
int dg_nl_parse(struct nl_msg *msg, struct nlattr **tb);

/* The module's answer to DRIFTGUARD_CMD_STATUS_GET. */
struct dg_nl_status {
	char version[64];
	bool alert_only, locked;
	uint32_t policies;		/* in force in the kernel */
	uint64_t counters[__DRIFTGUARD_STAT_MAX];
	bool have_counter[__DRIFTGUARD_STAT_MAX];
	/*
	 * The hooks the module runs without although it should have them,
	 * "function: what is lost" (DRIFTGUARD_A_DEGRADED), the first
	 * DG_NL_DEGRADED_MAX of them; n_degraded counts them all.
	 */
	unsigned int n_degraded;
	char degraded[8][160];
};
#define DG_NL_DEGRADED_MAX 8

/*
 * Fills @st from a status reply (driftctl status and driftguardd's metrics
 * read the same answer). Returns 0 or -EINVAL.
 */
int dg_nl_status_parse(struct nl_msg *msg, struct dg_nl_status *st);

/*
 * Fills @ev from the attributes of a DRIFTGUARD_CMD_EVENT message; absent
 * attributes read as 0 or "". The strings point into the message; the
 * cgroup path and container context are left for the caller.
 */
void dg_nl_event_parse(struct nlattr **tb, struct dg_nl_event *ev);

/* A message for the user: the extack text, or strerror(-err). */
const char *dg_nl_strerror(const struct dg_nl *nl, int err);

#endif /* DG_NL_H */
