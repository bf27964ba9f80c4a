/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: names of the uapi enums, for output and parsing. */
#ifndef DG_NAMES_H
#define DG_NAMES_H

#include <linux/driftguard.h>

/* Each returns "unknown" for a value it does not know. */
const char *dg_mode_name(int mode);
const char *dg_action_name(int action);
const char *dg_class_name(int class);
const char *dg_hook_name(int hook);
const char *dg_stat_name(int stat);
/* The name of a DRIFTGUARD_A_* attribute, for error messages. */
const char *dg_attr_name(int attr);
/*
 * The package manager an event of class package names, from its path (the
 * module's own table, module/package.h): "dpkg", "apt", "apk", "rpm",
 * "dnf", "pip", "npm" or "gem"; NULL for other classes.
 */
const char *dg_event_manager(int class, const char *path);
/* "tcp", "udp", ... for an IPPROTO_* number; "unknown" for others. */
const char *dg_proto_name(int proto);

/* Each returns the enum value for @name, or -1. */
int dg_mode_parse(const char *name);
int dg_class_parse(const char *name);

/* The index of @s in the @n strings @names (NULL entries skipped), or -1. */
int dg_index_of(const char *const *names, int n, const char *s);

#endif /* DG_NAMES_H */
