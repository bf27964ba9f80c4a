/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the generic netlink family (commands and the events group). */
#ifndef DRIFTGUARD_NETLINK_H
#define DRIFTGUARD_NETLINK_H

#include <net/genetlink.h>

extern struct genl_family dg_genl_family;

int dg_netlink_init(void);
void dg_netlink_exit(void);

#endif /* DRIFTGUARD_NETLINK_H */
