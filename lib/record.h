/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: what a record says besides the kernel's event. */
#ifndef DG_RECORD_H
#define DG_RECORD_H

/*
 * driftguardd's records and `driftctl events --json` are built here, so both
 * carry the same fields under the same names. A drift record is the kernel's
 * event (dg_event_json) and then:
 *
 *   runtime, container_id, pod_uid   the container, from the cgroup path
 *                                    (pod_uid in Kubernetes only)
 *   node        this host's name (gethostname)
 *   uuid        a random (version 4) UUID naming this record, lowercase
 *   exe         readlink of /proc/<tgid>/exe: the program of the process
 *               that made the event when the record is built. For a blocked
 *               exec that is the program that tried it (its exec failed); for
 *               an allowed exec it is usually already the new program
 *   cmdline     /proc/<tgid>/cmdline, arguments joined by single blanks, at
 *               most DG_CMDLINE_MAX - 1 bytes
 *   cwd         readlink of /proc/<tgid>/cwd
 *   parent_exe  readlink of /proc/<ppid>/exe
 *   user        the name of the event's uid: from the process's own
 *               /etc/passwd (read through /proc/<tgid>/root, the uid mapped
 *               into its user namespace); for a process outside a container
 *               whose root cannot be read, from the host's /etc/passwd; else
 *               the number. A container's uid is never named from the
 *               host's user database: the same number is another user there.
 *
 * What cannot be read (the process has exited) is "": every drift record has
 * every field. These are read when the record is built, after the event: a
 * process that exits at once (the forked child of a shell whose exec was
 * refused) is often gone by then, leaving exe, cmdline and cwd "" while
 * parent_exe (the shell) is there. Paths are as the process sees them (its
 * own root: a chroot's directory is cut off the front). Nothing
 * here blocks: the files read are regular files of bounded size, opened
 * O_NONBLOCK, and names are never looked up through NSS.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

#include "evlog.h"

#define DG_RFC3339_MAX	36	/* "2026-12-01T10:15:00.123456789Z" + NUL */
#define DG_UUID_MAX	37	/* 36 characters + NUL */
#define DG_CMDLINE_MAX	4096

/* Where the process fields are read; NULL members take the defaults. */
struct dg_record_env {
	const char *proc;		/* ["/proc"] */
	const char *host_passwd;	/* ["/etc/passwd"] */
	const char *node;		/* [gethostname()] */
};

/*
 * @ns (CLOCK_REALTIME) as RFC 3339 in UTC with nanoseconds:
 * "2026-12-01T10:15:00.123456789Z". Returns 0 or -EINVAL.
 */
int dg_rfc3339(uint64_t ns, char *buf, size_t size);

/* Adds "@key" (RFC 3339) and "@key_ns" (the number) for @ns. */
void dg_record_add_time(struct json_object *o, const char *key, uint64_t ns);

/* Adds "node" and a fresh "uuid" (replacing any there). */
void dg_record_stamp(struct json_object *o, const struct dg_record_env *env);

/* Adds exe, cmdline, cwd, parent_exe and user as documented above. */
void dg_record_process(struct json_object *o, const struct dg_record_env *env,
		       uint32_t tgid, uint32_t ppid, uint32_t uid,
		       int in_container);

/*
 * The drift record of @ev: dg_event_json, the container (@ev->container, or
 * found from @ev->cgroup when that is NULL), node, uuid and the process
 * fields. @env NULL: the defaults. NULL without memory.
 */
struct json_object *dg_record_event(const struct dg_nl_event *ev,
				    const struct dg_record_env *env);

/*
 * dg_record_event in two steps, for driftguardd: the base (event and
 * container, nothing read from /proc) decides throttling; only a record
 * that is written is completed with node, uuid and the process fields.
 */
struct json_object *dg_record_base(const struct dg_nl_event *ev);
void dg_record_complete(struct json_object *o, const struct dg_nl_event *ev,
			const struct dg_record_env *env);

/*
 * What a hardening event (class userns, execmem or procmem) was about, in
 * words, without who did it: "user namespace creation", "executable
 * anonymous memory", "executable memory in a written private mapping of
 * PATH" (execmem of a file), "write-open of PATH" (procmem, PATH the
 * /proc/<pid>/mem opened). Returns false, with @buf "", for other classes:
 * their records are about the file at their path.
 */
bool dg_record_hardening_what(int class, const char *path, char *buf,
			      size_t size);

/*
 * What a network event (its addr set) was about: "tcp 10.0.0.5:443",
 * "udp [fd00::1]:53". Returns false, with @buf "", for other events.
 */
bool dg_record_endpoint(const struct dg_nl_event *ev, char *buf, size_t size);

/*
 * The message of @ev's drift record (syslog's and the journal's MESSAGE):
 * "ACTION CLASS HOOK: PATH" ("blocked upper exec: /tmp/x"), or for a
 * hardening event, which may have no path, "ACTION WHAT by COMM[TGID]"
 * ("blocked user namespace creation by unshare[123]"), or for a network
 * event "ACTION CLASS HOOK: ENDPOINT by COMM[TGID]" ("blocked connect
 * connect: tcp 10.0.0.5:443 by curl[123]").
 */
void dg_record_message(const struct dg_nl_event *ev, char *buf, size_t size);

/*
 * The name of @uid in the passwd-format text @text (@len bytes): copied into
 * @name. Returns 0 or -ENOENT.
 */
int dg_passwd_name(const char *text, size_t len, uint32_t uid, char *name,
		   size_t size);

#endif /* DG_RECORD_H */
