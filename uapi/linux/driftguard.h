/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause */
/*
 * driftguard: the generic netlink contract between the module and userspace.
 *
 * Family "driftguard", version 1. It works in the initial network namespace
 * only, and every capability below is checked in the initial user namespace,
 * of both the process that opened the socket and the one that sends:
 *
 *   - Commands that change enforcement (POLICY_SET, POLICY_DEL, CONFIG_SET,
 *     LOCK) need CAP_MAC_ADMIN (what LSMs ask of whoever loads their
 *     policy) or CAP_SYS_ADMIN. CAP_NET_ADMIN alone is not enough: it is
 *     held by hostNetwork pods of CNI plugins and VPN agents, which must not
 *     be able to switch a node to alert-only or delete its policies.
 *   - Commands that only read (STATUS_GET, POLICY_GET) need CAP_NET_ADMIN,
 *     CAP_MAC_ADMIN or CAP_SYS_ADMIN. They change nothing and are what
 *     health probes and monitoring use; what they show is the node's
 *     configuration, which a reader cannot change.
 *   - Joining the "events" group needs CAP_SYS_ADMIN: events tell what
 *     runs in every container, and the kernel checks a group's joiners for
 *     CAP_NET_ADMIN or CAP_SYS_ADMIN only.
 *
 * A refused command fails with EPERM and an extended-ack message naming the
 * capabilities it needs. Every request is validated strictly: an unknown
 * attribute, a wrong type or an out-of-range value is rejected with an
 * extended-ack message that names the attribute, and nothing changes.
 *
 * All commands share one attribute space (enum driftguard_attr); each command
 * accepts only the attributes listed for it below.
 *
 * DRIFTGUARD_CMD_STATUS_GET (doit)
 *   request:  nothing
 *   reply:    VERSION, ALERT_ONLY, LOCKED, POLICIES (u32), STATS
 *             STATS is a nest of u64 counters, one per enum driftguard_stat,
 *             each attribute type being the counter's index + 1.
 *
 * DRIFTGUARD_CMD_POLICY_SET (doit)
 *   request:  CGROUP_ID (required), MODE, MEMFD, VOLUME, MMAP (enum
 *             driftguard_mode), FILES (enum driftguard_mode),
 *             ALLOW, DENY, WATCH (each a nest of PATTERN strings),
 *             USERNS, EXECMEM, PROCMEM (enum driftguard_mode: hardening,
 *             off unless asked for; see enum driftguard_class),
 *             METADATA (enum driftguard_mode, class metadata; off: such
 *             files are image files),
 *             LISTEN, CONNECT (enum driftguard_mode: network drift) with
 *             LISTEN_ALLOW and CONNECT_ALLOW (nests of PATTERN strings,
 *             below), LOOPBACK (u8: 0, the default, exempts loopback
 *             from LISTEN and CONNECT; 1 judges it like any address).
 *             A LISTEN_ALLOW entry is "PROTO:PORT" or "PROTO:FIRST-LAST",
 *             PROTO "tcp" (TCP and MPTCP), "udp" (UDP, UDP-Lite) or
 *             "sctp"; port 0 stands for a listen on an unbound socket (the
 *             kernel picks an ephemeral port). A CONNECT_ALLOW entry is
 *             "[PROTO:]ADDR[/PREFIX][:PORT[-PORT]]", an IPv6 ADDR[/PREFIX]
 *             in brackets when a port follows ("[fd00::/8]:443"); without
 *             PROTO any protocol, without a port any port. An entry that
 *             does not parse is refused with EINVAL and a message naming
 *             the list and the expected form.
 *             FILES may be DRIFTGUARD_MODE_PREVENT too: then creating,
 *             modifying (copy-up), renaming, linking, deleting or changing
 *             the attributes of a file of the container's rootfs outside
 *             the WRITABLE prefixes fails with EPERM. WRITABLE and CONFIG
 *             are nests of PATTERN, each an absolute path prefix in the
 *             rootfs ("/tmp" covers /tmp and what is under it; no trailing
 *             '/' except "/" itself), at most DRIFTGUARD_PREFIX_LIST_MAX of
 *             them. File drift under a CONFIG prefix is of class CONFIG,
 *             in a package manager's tree of class PACKAGE (which wins).
 *             Under FILES DETECT or PREVENT deletions are reported (class
 *             DELETED).
 *             Replaces the cgroup's policy as a whole and atomically: fields
 *             that are absent take their defaults (off, empty lists). The
 *             next exec sees the new policy.
 *             When locked, a policy may only be tightened: no mode lowered,
 *             no allow or writable entry added, no deny, watch or config
 *             entry removed, no LISTEN_ALLOW or CONNECT_ALLOW entry added,
 *             LOOPBACK not lowered from 1 to 0.
 *             A list holds at most DRIFTGUARD_LIST_MAX entries of at most
 *             DRIFTGUARD_PATTERN_MAX - 1 bytes; more is refused with E2BIG
 *             and a message naming the limit. The largest request is about
 *             64 KiB: build it in a buffer that large.
 *
 * DRIFTGUARD_CMD_POLICY_GET (doit and dump)
 *   request:  CGROUP_ID (doit); nothing (dump: every policy)
 *   reply:    the attributes of POLICY_SET, one message per policy. A
 *             message is up to about 64 KiB (the largest policy): read
 *             with a buffer of 64 KiB or peek at the length (MSG_PEEK).
 *
 * DRIFTGUARD_CMD_POLICY_DEL (doit)
 *   request:  CGROUP_ID. Refused when locked, unless the cgroup was
 *             removed: a removed cgroup has no tasks, cannot come back
 *             (ids are not reused), and its policy loosens nothing by
 *             going. Only a caller in a cgroup namespace rooted at the
 *             top of the hierarchy can tell a removed cgroup from one it
 *             cannot see: any other is refused.
 *
 * DRIFTGUARD_CMD_CONFIG_SET (doit)
 *   request:  ALERT_ONLY (u8 0/1): when set, nothing is denied and every
 *             decision that would deny is reported as "alerted". Setting it
 *             is refused when locked.
 *
 * DRIFTGUARD_CMD_LOCK (doit)
 *   request:  nothing. From now until reboot, policies can only be
 *             tightened, alert-only cannot be set, and the module refuses to
 *             unload, with rmmod -f too (it is recorded as a user of
 *             itself; /proc/modules shows it used by driftguard).
 *
 * DRIFTGUARD_CMD_EVENT (multicast on group "events", never a request)
 *   EV_TIME (CLOCK_REALTIME ns), EV_ACTION, EV_CLASS, EV_HOOK, EV_PID,
 *   EV_TGID, EV_PPID, EV_UID, EV_GID, EV_COMM, EV_PATH (as seen from the
 *   task's root), EV_FILENAME (as asked for), EV_INTERP (scripts only),
 *   CGROUP_ID (the task's cgroup), EV_POLICY_CGROUP_ID (the cgroup whose
 *   policy decided), EV_DEV, EV_INO.
 *   Network events (LISTEN, CONNECT) carry no file (no EV_PATH; EV_DEV
 *   and EV_INO 0) but EV_PROTO, EV_ADDR and EV_PORT: the address and port bound
 *   (listen, UDP bind) or connected to.
 *   Hardening events carry what they have: USERNS no file at all (no
 *   EV_PATH, EV_DEV or EV_INO); EXECMEM the file only for a private file
 *   mapping (anonymous memory has none); PROCMEM the /proc/<pid>/mem
 *   path opened, from the task's root.
 *   File-drift events (classes MODIFIED, CREATED, DELETED, CONFIG,
 *   PACKAGE) carry the path in the container's rootfs in EV_PATH, the
 *   operation in EV_HOOK
 *   (COPY_UP, CREATE, MKDIR, ..., SETATTR, OPEN_WRITE, SETXATTR, ACL) and,
 *   when the file exists, its
 *   EV_DEV and EV_INO; a refused RENAME or LINK names the name that is not
 *   writable (class DELETED for a rename's old name, CREATED otherwise).
 *   Joining the group needs CAP_SYS_ADMIN in the initial user namespace.
 */
#ifndef _UAPI_LINUX_DRIFTGUARD_H
#define _UAPI_LINUX_DRIFTGUARD_H

#define DRIFTGUARD_GENL_NAME		"driftguard"
#define DRIFTGUARD_GENL_VERSION		1
#define DRIFTGUARD_MCGRP_EVENTS		"events"

/* Longest list entry, including the terminating NUL. */
#define DRIFTGUARD_PATTERN_MAX		256
/* Most entries in one list (allow, deny or watch) of one policy. */
#define DRIFTGUARD_LIST_MAX		64
/* Most entries in one prefix list (writable, config) of one policy. */
#define DRIFTGUARD_PREFIX_LIST_MAX	8

enum driftguard_cmd {
	DRIFTGUARD_CMD_UNSPEC,
	DRIFTGUARD_CMD_STATUS_GET,
	DRIFTGUARD_CMD_POLICY_SET,
	DRIFTGUARD_CMD_POLICY_GET,
	DRIFTGUARD_CMD_POLICY_DEL,
	DRIFTGUARD_CMD_CONFIG_SET,
	DRIFTGUARD_CMD_LOCK,
	DRIFTGUARD_CMD_EVENT,
	__DRIFTGUARD_CMD_MAX,
};

#define DRIFTGUARD_CMD_MAX (__DRIFTGUARD_CMD_MAX - 1)

/* How a class of drift is treated. Ordered: a higher value is stricter. */
enum driftguard_mode {
	DRIFTGUARD_MODE_OFF,
	DRIFTGUARD_MODE_DETECT,		/* allow, and report */
	DRIFTGUARD_MODE_PREVENT,	/* deny with EPERM, and report */
	__DRIFTGUARD_MODE_MAX,
};

#define DRIFTGUARD_MODE_MAX (__DRIFTGUARD_MODE_MAX - 1)

enum driftguard_action {
	DRIFTGUARD_ACTION_ALERTED = 1,	/* allowed and reported */
	DRIFTGUARD_ACTION_BLOCKED,	/* denied with EPERM */
	__DRIFTGUARD_ACTION_MAX,
};

enum driftguard_class {
	DRIFTGUARD_CLASS_NONE,
	/*
	 * In the rootfs's upper layer, or on a filesystem the container
	 * could have made itself: another overlay, a user namespace's mount.
	 */
	DRIFTGUARD_CLASS_UPPER,
	DRIFTGUARD_CLASS_MEMFD,		/* memfd or unlinked file */
	/* On another mount the runtime made: bind mount, tmpfs, emptyDir. */
	DRIFTGUARD_CLASS_VOLUME,
	DRIFTGUARD_CLASS_PROHIBITED,	/* on the policy's deny list */
	DRIFTGUARD_CLASS_WATCHED,	/* on the policy's watch list */
	DRIFTGUARD_CLASS_MODIFIED,	/* file drift: image file copied up */
	DRIFTGUARD_CLASS_CREATED,	/* file drift: new upper-layer file */
	/*
	 * Hardening, each judged by the policy key of its name. USERNS: the
	 * task creates a user namespace (clone or unshare CLONE_NEWUSER);
	 * tasks in the initial mount namespace, the runtime setting up a
	 * container's own user namespace, are not judged.
	 */
	DRIFTGUARD_CLASS_USERNS,
	/*
	 * Executable memory that is not a file's content: an anonymous (or
	 * shared anonymous, or SysV shm) mapping made or turned executable,
	 * or a private file mapping that is writable or has been written.
	 */
	DRIFTGUARD_CLASS_EXECMEM,
	/* /proc/<pid>/mem (any task's, its own too) opened for writing. */
	DRIFTGUARD_CLASS_PROCMEM,
	/*
	 * An image file copied up to the upper layer for a change of its
	 * metadata only (chown, chmod without a new execute or set-id bit,
	 * touch, setfacl), at its place in the image, with content the module
	 * knows to be the image's. Any write, rename or link makes it UPPER.
	 */
	DRIFTGUARD_CLASS_METADATA,
	/*
	 * Network drift, judged by the policy keys LISTEN and CONNECT. LISTEN:
	 * an AF_INET/AF_INET6 socket listens (TCP, MPTCP, SCTP) or a UDP
	 * socket binds to a port, not in LISTEN_ALLOW. CONNECT: an
	 * AF_INET/AF_INET6 socket connects (TCP, connected UDP, any other
	 * inet protocol's connect) to a destination not in CONNECT_ALLOW.
	 */
	DRIFTGUARD_CLASS_LISTEN,
	DRIFTGUARD_CLASS_CONNECT,
	DRIFTGUARD_CLASS_DELETED,	/* file drift: rootfs file removed */
	/*
	 * File drift (created, modified, deleted) under one of the policy's
	 * CONFIG prefixes (/etc by default).
	 */
	DRIFTGUARD_CLASS_CONFIG,
	/*
	 * File drift (created, modified, deleted) in a package manager's
	 * database or install tree (dpkg, apt, apk, rpm, dnf, pip, npm, gem:
	 * a built-in table, module/package.h), before CONFIG: /etc/apk is
	 * apk's. The event carries no manager: userspace names it from
	 * EV_PATH with the same table.
	 */
	DRIFTGUARD_CLASS_PACKAGE,
	__DRIFTGUARD_CLASS_MAX,
};

enum driftguard_hook {
	DRIFTGUARD_HOOK_EXEC = 1,
	DRIFTGUARD_HOOK_MMAP,
	DRIFTGUARD_HOOK_COPY_UP,
	DRIFTGUARD_HOOK_CREATE,
	DRIFTGUARD_HOOK_USERNS,		/* a user namespace is created */
	DRIFTGUARD_HOOK_OPEN,		/* a file is opened */
	DRIFTGUARD_HOOK_LISTEN,		/* listen(2) */
	DRIFTGUARD_HOOK_BIND,		/* bind(2) of a UDP socket */
	DRIFTGUARD_HOOK_CONNECT,	/* connect(2) */
	/* Changes to the container's rootfs, judged by FILES (prevent). */
	DRIFTGUARD_HOOK_MKDIR,
	DRIFTGUARD_HOOK_MKNOD,		/* also a socket or fifo */
	DRIFTGUARD_HOOK_SYMLINK,
	DRIFTGUARD_HOOK_LINK,
	DRIFTGUARD_HOOK_UNLINK,
	DRIFTGUARD_HOOK_RMDIR,
	DRIFTGUARD_HOOK_RENAME,
	DRIFTGUARD_HOOK_SETATTR,	/* chmod, chown, utimes, truncate */
	DRIFTGUARD_HOOK_OPEN_WRITE,	/* an upper-layer file opened to write */
	DRIFTGUARD_HOOK_SETXATTR,	/* setxattr, removexattr */
	DRIFTGUARD_HOOK_ACL,		/* a POSIX ACL set or removed */
	__DRIFTGUARD_HOOK_MAX,
};

/* Counters in DRIFTGUARD_A_STATS; attribute type = index + 1. */
enum driftguard_stat {
	DRIFTGUARD_STAT_EXECS_CHECKED,
	DRIFTGUARD_STAT_MMAPS_CHECKED,
	DRIFTGUARD_STAT_ALLOWED,
	DRIFTGUARD_STAT_ALERTED,
	DRIFTGUARD_STAT_BLOCKED_UPPER,
	DRIFTGUARD_STAT_BLOCKED_MEMFD,
	DRIFTGUARD_STAT_BLOCKED_VOLUME,
	DRIFTGUARD_STAT_BLOCKED_PROHIBITED,
	DRIFTGUARD_STAT_COPYUPS_MARKED,
	DRIFTGUARD_STAT_CREATIONS_MARKED,
	DRIFTGUARD_STAT_EVENTS_SENT,
	DRIFTGUARD_STAT_EVENTS_DROPPED,
	DRIFTGUARD_STAT_MISSED,
	DRIFTGUARD_STAT_BLOCKED_USERNS,
	DRIFTGUARD_STAT_BLOCKED_EXECMEM,
	DRIFTGUARD_STAT_BLOCKED_PROCMEM,
	DRIFTGUARD_STAT_BLOCKED_METADATA,
	DRIFTGUARD_STAT_NET_CHECKED,	/* listens, UDP binds and connects */
	DRIFTGUARD_STAT_BLOCKED_LISTEN,
	DRIFTGUARD_STAT_BLOCKED_CONNECT,
	DRIFTGUARD_STAT_BLOCKED_FILES,	/* rootfs changes refused (FILES) */
	__DRIFTGUARD_STAT_MAX,
};

enum driftguard_attr {
	DRIFTGUARD_A_UNSPEC,
	DRIFTGUARD_A_PAD,
	DRIFTGUARD_A_VERSION,		/* string: module version */
	DRIFTGUARD_A_ALERT_ONLY,	/* u8: 0 or 1 */
	DRIFTGUARD_A_LOCKED,		/* u8: 0 or 1 */
	DRIFTGUARD_A_POLICIES,		/* u32: number of policies */
	DRIFTGUARD_A_STATS,		/* nest: u64 per driftguard_stat */
	DRIFTGUARD_A_CGROUP_ID,		/* u64: cgroup v2 id (inode number) */
	DRIFTGUARD_A_MODE,		/* u8: driftguard_mode, class upper */
	DRIFTGUARD_A_MEMFD,		/* u8: driftguard_mode, class memfd */
	DRIFTGUARD_A_VOLUME,		/* u8: driftguard_mode, class volume */
	DRIFTGUARD_A_MMAP,		/* u8: driftguard_mode, PROT_EXEC maps */
	DRIFTGUARD_A_FILES,		/* u8: driftguard_mode, file drift */
	DRIFTGUARD_A_ALLOW,		/* nest of PATTERN: never drift */
	DRIFTGUARD_A_DENY,		/* nest of PATTERN: prohibited */
	DRIFTGUARD_A_WATCH,		/* nest of PATTERN: alert on start */
	DRIFTGUARD_A_PATTERN,		/* string: "/rootfs/path" or "name" */
	DRIFTGUARD_A_EV_TIME,		/* u64: CLOCK_REALTIME ns */
	DRIFTGUARD_A_EV_ACTION,		/* u8: driftguard_action */
	DRIFTGUARD_A_EV_CLASS,		/* u8: driftguard_class */
	DRIFTGUARD_A_EV_HOOK,		/* u8: driftguard_hook */
	DRIFTGUARD_A_EV_PID,		/* u32 */
	DRIFTGUARD_A_EV_TGID,		/* u32 */
	DRIFTGUARD_A_EV_PPID,		/* u32 */
	DRIFTGUARD_A_EV_UID,		/* u32 */
	DRIFTGUARD_A_EV_GID,		/* u32 */
	DRIFTGUARD_A_EV_COMM,		/* string */
	DRIFTGUARD_A_EV_PATH,		/* string: path from the task's root */
	DRIFTGUARD_A_EV_FILENAME,	/* string: the name asked for */
	DRIFTGUARD_A_EV_INTERP,		/* string: interpreter of a script */
	DRIFTGUARD_A_EV_POLICY_CGROUP_ID, /* u64 */
	DRIFTGUARD_A_EV_DEV,		/* u32: st_dev (new encoding) */
	DRIFTGUARD_A_EV_INO,		/* u64 */
	DRIFTGUARD_A_USERNS,		/* u8: driftguard_mode, class userns */
	DRIFTGUARD_A_EXECMEM,		/* u8: driftguard_mode, class execmem */
	DRIFTGUARD_A_PROCMEM,		/* u8: driftguard_mode, class procmem */
	DRIFTGUARD_A_METADATA,		/* u8: driftguard_mode, class metadata */
	DRIFTGUARD_A_LISTEN,		/* u8: driftguard_mode, class listen */
	DRIFTGUARD_A_LISTEN_ALLOW,	/* nest of PATTERN: "tcp:80" */
	DRIFTGUARD_A_CONNECT,		/* u8: driftguard_mode, class connect */
	DRIFTGUARD_A_CONNECT_ALLOW,	/* nest of PATTERN: "10.0.0.0/8:443" */
	DRIFTGUARD_A_LOOPBACK,		/* u8: 0 loopback exempt, 1 judged */
	DRIFTGUARD_A_EV_PROTO,		/* u8: IPPROTO_* of the socket */
	DRIFTGUARD_A_EV_ADDR,		/* string: IPv4 or IPv6 address */
	DRIFTGUARD_A_EV_PORT,		/* u16: port, host byte order */
	DRIFTGUARD_A_WRITABLE,		/* nest of PATTERN: rootfs prefixes */
	DRIFTGUARD_A_CONFIG,		/* nest of PATTERN: rootfs prefixes */
	/*
	 * Status: nest of PATTERN, one per hook the module runs without
	 * although it should have it: "function: what is lost".
	 */
	DRIFTGUARD_A_DEGRADED,
	__DRIFTGUARD_A_MAX,
};

#define DRIFTGUARD_A_MAX (__DRIFTGUARD_A_MAX - 1)

#endif /* _UAPI_LINUX_DRIFTGUARD_H */
