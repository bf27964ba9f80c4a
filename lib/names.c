// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: names of the uapi enums, for output and parsing. */
#include <string.h>

#include "names.h"
#include "../module/package.h"

#define DG_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const dg_modes[] = {
	[DRIFTGUARD_MODE_OFF] = "off",
	[DRIFTGUARD_MODE_DETECT] = "detect",
	[DRIFTGUARD_MODE_PREVENT] = "prevent",
};

static const char *const dg_actions[] = {
	[DRIFTGUARD_ACTION_ALERTED] = "alerted",
	[DRIFTGUARD_ACTION_BLOCKED] = "blocked",
};

static const char *const dg_classes[] = {
	[DRIFTGUARD_CLASS_NONE] = "none",
	[DRIFTGUARD_CLASS_UPPER] = "upper",
	[DRIFTGUARD_CLASS_MEMFD] = "memfd",
	[DRIFTGUARD_CLASS_VOLUME] = "volume",
	[DRIFTGUARD_CLASS_PROHIBITED] = "prohibited",
	[DRIFTGUARD_CLASS_WATCHED] = "watched",
	[DRIFTGUARD_CLASS_MODIFIED] = "modified",
	[DRIFTGUARD_CLASS_CREATED] = "created",
	[DRIFTGUARD_CLASS_USERNS] = "userns",
	[DRIFTGUARD_CLASS_EXECMEM] = "execmem",
	[DRIFTGUARD_CLASS_PROCMEM] = "procmem",
	[DRIFTGUARD_CLASS_METADATA] = "metadata",
	[DRIFTGUARD_CLASS_LISTEN] = "listen",
	[DRIFTGUARD_CLASS_CONNECT] = "connect",
	[DRIFTGUARD_CLASS_DELETED] = "deleted",
	[DRIFTGUARD_CLASS_CONFIG] = "config",
	[DRIFTGUARD_CLASS_PACKAGE] = "package",
};

static const char *const dg_hooks[] = {
	[DRIFTGUARD_HOOK_EXEC] = "exec",
	[DRIFTGUARD_HOOK_MMAP] = "mmap",
	[DRIFTGUARD_HOOK_COPY_UP] = "copy-up",
	[DRIFTGUARD_HOOK_CREATE] = "create",
	[DRIFTGUARD_HOOK_USERNS] = "userns",
	[DRIFTGUARD_HOOK_OPEN] = "open",
	[DRIFTGUARD_HOOK_LISTEN] = "listen",
	[DRIFTGUARD_HOOK_BIND] = "bind",
	[DRIFTGUARD_HOOK_CONNECT] = "connect",
	[DRIFTGUARD_HOOK_MKDIR] = "mkdir",
	[DRIFTGUARD_HOOK_MKNOD] = "mknod",
	[DRIFTGUARD_HOOK_SYMLINK] = "symlink",
	[DRIFTGUARD_HOOK_LINK] = "link",
	[DRIFTGUARD_HOOK_UNLINK] = "unlink",
	[DRIFTGUARD_HOOK_RMDIR] = "rmdir",
	[DRIFTGUARD_HOOK_RENAME] = "rename",
	[DRIFTGUARD_HOOK_SETATTR] = "setattr",
	[DRIFTGUARD_HOOK_OPEN_WRITE] = "open-write",
	[DRIFTGUARD_HOOK_SETXATTR] = "setxattr",
	[DRIFTGUARD_HOOK_ACL] = "acl",
};

/* The JSON names of the counters: part of driftctl's output contract. */
static const char *const dg_stats[] = {
	[DRIFTGUARD_STAT_EXECS_CHECKED] = "execs_checked",
	[DRIFTGUARD_STAT_MMAPS_CHECKED] = "mmaps_checked",
	[DRIFTGUARD_STAT_ALLOWED] = "allowed",
	[DRIFTGUARD_STAT_ALERTED] = "alerted",
	[DRIFTGUARD_STAT_BLOCKED_UPPER] = "blocked_upper",
	[DRIFTGUARD_STAT_BLOCKED_MEMFD] = "blocked_memfd",
	[DRIFTGUARD_STAT_BLOCKED_VOLUME] = "blocked_volume",
	[DRIFTGUARD_STAT_BLOCKED_PROHIBITED] = "blocked_prohibited",
	[DRIFTGUARD_STAT_COPYUPS_MARKED] = "copyups_marked",
	[DRIFTGUARD_STAT_CREATIONS_MARKED] = "creations_marked",
	[DRIFTGUARD_STAT_EVENTS_SENT] = "events_sent",
	[DRIFTGUARD_STAT_EVENTS_DROPPED] = "events_dropped",
	[DRIFTGUARD_STAT_MISSED] = "missed",
	[DRIFTGUARD_STAT_BLOCKED_USERNS] = "blocked_userns",
	[DRIFTGUARD_STAT_BLOCKED_EXECMEM] = "blocked_execmem",
	[DRIFTGUARD_STAT_BLOCKED_PROCMEM] = "blocked_procmem",
	[DRIFTGUARD_STAT_BLOCKED_METADATA] = "blocked_metadata",
	[DRIFTGUARD_STAT_NET_CHECKED] = "net_checked",
	[DRIFTGUARD_STAT_BLOCKED_LISTEN] = "blocked_listen",
	[DRIFTGUARD_STAT_BLOCKED_CONNECT] = "blocked_connect",
	[DRIFTGUARD_STAT_BLOCKED_FILES] = "blocked_files",
};

static const char *const dg_attrs[] = {
	[DRIFTGUARD_A_VERSION] = "version",
	[DRIFTGUARD_A_ALERT_ONLY] = "alert_only",
	[DRIFTGUARD_A_LOCKED] = "locked",
	[DRIFTGUARD_A_POLICIES] = "policies",
	[DRIFTGUARD_A_STATS] = "stats",
	[DRIFTGUARD_A_CGROUP_ID] = "cgroup_id",
	[DRIFTGUARD_A_MODE] = "mode",
	[DRIFTGUARD_A_MEMFD] = "memfd",
	[DRIFTGUARD_A_VOLUME] = "volume",
	[DRIFTGUARD_A_MMAP] = "mmap",
	[DRIFTGUARD_A_FILES] = "files",
	[DRIFTGUARD_A_ALLOW] = "allow",
	[DRIFTGUARD_A_DENY] = "deny",
	[DRIFTGUARD_A_WATCH] = "watch",
	[DRIFTGUARD_A_PATTERN] = "pattern",
	[DRIFTGUARD_A_USERNS] = "userns",
	[DRIFTGUARD_A_EXECMEM] = "execmem",
	[DRIFTGUARD_A_PROCMEM] = "procmem",
	[DRIFTGUARD_A_METADATA] = "metadata",
	[DRIFTGUARD_A_LISTEN] = "listen",
	[DRIFTGUARD_A_LISTEN_ALLOW] = "listen_allow",
	[DRIFTGUARD_A_CONNECT] = "connect",
	[DRIFTGUARD_A_CONNECT_ALLOW] = "connect_allow",
	[DRIFTGUARD_A_LOOPBACK] = "loopback",
	[DRIFTGUARD_A_WRITABLE] = "writable",
	[DRIFTGUARD_A_CONFIG] = "config",
	[DRIFTGUARD_A_DEGRADED] = "degraded",
};

/* The protocols a network event names; others by their number. */
static const char *const dg_protos[] = {
	[1] = "icmp", [6] = "tcp", [17] = "udp", [58] = "icmpv6",
	[132] = "sctp", [255] = "raw",
};

static const char *dg_name_of(const char *const *names, int n, int value)
{
	if (value < 0 || value >= n || !names[value])
		return "unknown";
	return names[value];
}

const char *dg_mode_name(int mode)
{
	return dg_name_of(dg_modes, DG_COUNT(dg_modes), mode);
}

const char *dg_action_name(int action)
{
	return dg_name_of(dg_actions, DG_COUNT(dg_actions), action);
}

const char *dg_class_name(int class)
{
	return dg_name_of(dg_classes, DG_COUNT(dg_classes), class);
}

const char *dg_event_manager(int class, const char *path)
{
	if (class != DRIFTGUARD_CLASS_PACKAGE)
		return NULL;
	return dg_package_manager_name(dg_package_manager(path));
}

const char *dg_hook_name(int hook)
{
	return dg_name_of(dg_hooks, DG_COUNT(dg_hooks), hook);
}

const char *dg_stat_name(int stat)
{
	return dg_name_of(dg_stats, DG_COUNT(dg_stats), stat);
}

const char *dg_proto_name(int proto)
{
	return dg_name_of(dg_protos, DG_COUNT(dg_protos), proto);
}

const char *dg_attr_name(int attr)
{
	return dg_name_of(dg_attrs, DG_COUNT(dg_attrs), attr);
}

int dg_index_of(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], s))
			return i;
	return -1;
}

int dg_class_parse(const char *name)
{
	return dg_index_of(dg_classes, DG_COUNT(dg_classes), name);
}

int dg_mode_parse(const char *name)
{
	return dg_index_of(dg_modes, DG_COUNT(dg_modes), name);
}
