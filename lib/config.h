/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: driftguardd's configuration and policy files. */
#ifndef DG_CONFIG_H
#define DG_CONFIG_H

/*
 * Two kinds of INI file (libinih; ';' and '#' start a comment line, " ;"
 * and " #" (after a blank) start a comment after a value, a line is at most
 * DG_CONFIG_LINE_MAX - 3 characters, lines do not continue; yes|no also
 * takes true|false, on|off and 1|0):
 *
 * driftguard.conf, a [daemon] section (defaults in brackets):
 *   log_json = PATH          JSON-lines event log; empty: none
 *                            [/var/log/driftguard/events.jsonl]
 *   stdout = yes|no          the same JSON lines on stdout too, for the
 *                            container runtime's log (kubectl logs) [no]
 *   journald = yes|no        [yes]
 *   syslog = yes|no          [no]
 *   syslog_socket = PATH     [/dev/log]
 *   syslog_format = local|rfc5424   [local]
 *                            local: "<PRI>driftguardd[PID]: MSG", what
 *                            syslog(3) sends and /dev/log readers (journald,
 *                            rsyslog's imuxsock) expect; rfc5424: "<PRI>1
 *                            TIMESTAMP HOST driftguardd PID RECORD - MSG",
 *                            for a socket whose reader parses RFC 5424
 *   state_dir = PATH         [/var/lib/driftguard]
 *   quarantine_dir = PATH    [/var/lib/driftguard/quarantine]
 *   quarantine = yes|no      [no]
 *   quarantine_max_bytes = SIZE  [64M]
 *   throttle_window = SECONDS    0 to 86400, 0: no throttling [300]
 *   max_log_bytes = SIZE     rotate the JSON log past this, 0: never [100M]
 *   log_keep = N             rotated JSON logs kept, 1 to 100 [5]
 *   metrics_listen = ADDRESS:PORT   Prometheus metrics (/metrics) and
 *                            health (/healthz) over HTTP; IPv4, or IPv6 in
 *                            brackets; empty: off [empty]
 *   metrics_remote = yes|no  allow a metrics_listen address that is not
 *                            loopback (127.0.0.0/8, ::1): without it such
 *                            an address is an error [no]
 *   metrics_textfile = PATH  the same metrics written to PATH (replaced by
 *                            rename) for node_exporter's textfile
 *                            collector; empty: none [empty]
 *   docker_root = PATH       dockerd's --data-root, where records' image
 *                            and name of a docker container are read
 *                            (containers/<id>/config.v2.json)
 *                            [/var/lib/docker]
 *   containerd_state = PATH  containerd's state directory (its OCI bundles:
 *                            io.containerd.runtime.v2.task/<ns>/<id>)
 *                            [/run/containerd]
 *   crio_state = PATH        CRI-O's run root (overlay-containers/<id>/
 *                            userdata/config.json) [/run/containers/storage]
 *   podman_root = PATH       podman's storage root (overlay-containers/
 *                            containers.json) [/var/lib/containers/storage]
 *   capture_dir = PATH       where a policy's capture = yes writes its
 *                            capture files [/var/lib/driftguard/captures]
 *   capture_max_entries = N  changed files listed per capture, and
 *                            processes, 1 to 1000000 each [10000]
 *   capture_max_bytes = SIZE one capture file at most, 4K to 1G [16M]
 *   capture_keep = N         capture files kept, 1 to 100000; the oldest
 *                            are deleted [100]
 * PATH is absolute; SIZE is bytes, or a number with K, M or G (x 1024^n).
 *
 * policy.d/FILE.conf, any number of [policy NAME] sections (NAME: up to 63
 * of A-Z a-z 0-9 . _ -, unique over all files):
 *   cgroup = PATTERN         required: a path relative to the cgroup2 mount,
 *                            fnmatch(3) wildcards allowed
 *                            (system.slice/docker-*.scope, kubepods.slice)
 *   mode, memfd, volume, mmap = off|detect|prevent  [off]
 *   metadata = off|detect|prevent  [off]
 *                            image files copied up for a metadata change
 *                            only (chown, chmod, touch), content unchanged
 *   files = off|detect       [off]
 *   userns, execmem, procmem = off|detect|deny   [off]
 *                            hardening: user namespace creation, executable
 *                            memory that is not a file's content, opening
 *                            /proc/<pid>/mem for writing; "prevent" is
 *                            taken as "deny"
 *   allow, deny, watch = PATTERN...   [empty]
 *                            a PATTERN with '/' is an absolute path, else
 *                            a file name
 *   files_exclude = PREFIX...         [/tmp /var/tmp /var/log /run /proc]
 *                            absolute path prefixes; the first line in a
 *                            section replaces the default, "files_exclude ="
 *                            empties it
 *   severity = high|medium|low|info   [high]
 *   runbook = URL            http:// or https://; empty: none
 *   response = none|kill|stop|pause   [none]
 *   response_on = blocked|alerted|watched...   [blocked]
 *                            which drift records the response acts on:
 *                            blocked (refused by the kernel), alerted
 *                            (allowed and reported: detect modes), watched
 *                            (a watch-listed program ran); never while
 *                            the module is in alert-only mode
 *   capture = yes|no         [no] on a container's first drift record in
 *                            a throttle window, write its upper-layer diff
 *                            and process tree to capture_dir (capture.h)
 *   require_digest = yes|no  [no] an "image" record when a container whose
 *                            image reference has no @sha256: digest starts
 *                            in the policy's scope
 * Lists are separated by blanks; a list key given again appends, at most
 * DRIFTGUARD_LIST_MAX entries of at most DRIFTGUARD_PATTERN_MAX - 1 bytes.
 * Any other key given twice in a section is an error.
 *
 * Every error is one message "FILE:LINE: what" (or "FILE: what" when the
 * file cannot be read) and fails the whole load: unknown section or key,
 * bad value, a key given twice, duplicate policy name, two policies for the
 * same cgroup, missing cgroup (reported at the section's line), too long a
 * line, list or pattern, a NUL byte.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/driftguard.h>

#include "policy.h"

#define DG_CONFIG_LINE_MAX	4096	/* bytes per line, with CR, LF, NUL */
#define DG_CONFIG_FILE_MAX	(1 << 20)	/* a bigger file is refused */
#define DG_CONFIG_ERR_MAX	512	/* enough for any message */
#define DG_LOG_KEEP_MAX		100

enum dg_syslog_format {
	DG_SYSLOG_LOCAL,
	DG_SYSLOG_RFC5424,
	__DG_SYSLOG_MAX,
};

struct dg_daemon_config {
	char *log_json;			/* "": none */
	bool json_stdout;		/* key "stdout" */
	bool journald;
	bool syslog;
	char *syslog_socket;
	enum dg_syslog_format syslog_format;
	char *state_dir;
	char *quarantine_dir;
	bool quarantine;
	uint64_t quarantine_max_bytes;
	unsigned int throttle_window;	/* seconds */
	uint64_t max_log_bytes;
	unsigned int log_keep;		/* FILE.1 ... FILE.<log_keep> */
	char *metrics_listen;		/* "": no HTTP endpoint */
	bool metrics_remote;		/* a non-loopback metrics_listen */
	char *metrics_textfile;		/* "": none */
	char *docker_root;		/* the runtimes' files (context.h) */
	char *containerd_state;
	char *crio_state;
	char *podman_root;
	char *capture_dir;		/* capture.h: capture = yes's files */
	unsigned int capture_max_entries;	/* changed files, processes */
	uint64_t capture_max_bytes;	/* one capture file */
	unsigned int capture_keep;	/* files kept, the oldest go */
};

struct dg_config {
	struct dg_daemon_config daemon;
	struct dg_policy *policies;	/* in load order */
	size_t npolicies;
	/* Valid, but probably not what was meant: "WHERE: what" each. */
	char **warnings;
	size_t nwarnings;
};

/* A configuration with every default and no policy; NULL without memory. */
struct dg_config *dg_config_new(void);
void dg_config_free(struct dg_config *cfg);

/*
 * Loads @daemon_file (NULL: defaults) and every policy file in @policy_dir
 * (NULL: none): the regular files, symlinks followed (a Kubernetes ConfigMap
 * volume links NAME.conf into ..data/), whose names end in ".conf" and do not
 * start with '.', in strcmp order of their names. Returns 0 with a new
 * configuration in *out, or a negative errno with the one message in @err
 * (-EINVAL: the files are wrong; another errno: they cannot be read).
 */
int dg_config_load(const char *daemon_file, const char *policy_dir,
		   struct dg_config **out, char *err, size_t size);

/*
 * Loads the configuration directory @dir: DIR/driftguard.conf and
 * DIR/policy.d/ *.conf, as dg_config_load. A missing, unreadable or
 * non-directory @dir or policy.d is an error naming the path and the errno,
 * never an empty configuration (the daemon would delete every kernel
 * policy); so is a driftguard.conf that exists but cannot be read. Only a
 * driftguard.conf that does not exist means defaults, with a warning.
 * Files are stat()ed before they are opened: nothing that is not a regular
 * file is opened (a FIFO named *.conf is an error, not a hang). On success
 * the warnings of dg_config_lint are in (*out)->warnings.
 */
int dg_config_load_dir(const char *dir, struct dg_config **out, char *err,
		       size_t size);

/*
 * Adds to @cfg->warnings what is valid but probably a mistake: no policy at
 * all, every output off, a cgroup pattern that matches every cgroup, a
 * response that can never run or runs on alerts. Returns 0 or -ENOMEM.
 */
int dg_config_lint(struct dg_config *cfg);


/*
 * Parses @text (@len bytes, named @name in messages) as a daemon file, or as
 * a policy file whose policies are added to @cfg. On error @cfg is left as it
 * was. Returns 0, -EINVAL (message in @err) or -ENOMEM.
 */
int dg_config_parse_daemon(struct dg_config *cfg, const char *name,
			   const char *text, size_t len, char *err, size_t size);
int dg_config_parse_policies(struct dg_config *cfg, const char *name,
			     const char *text, size_t len, char *err, size_t size);

/*
 * Prints @cfg as driftguardd --check-config shows it. The format is stable:
 * "# " comment lines, then a [daemon] section with every key in the order
 * documented above, then per policy, in load order, a "# FILE:LINE" line and
 * a [policy NAME] section with every key in the documented order. A list is
 * one "key = entry" line per entry, or "key =" when empty. Numbers are
 * decimal (sizes in bytes), booleans yes/no. The daemon part read back as a
 * daemon file, and the rest as a policy file, give the same configuration.
 */
void dg_config_print(const struct dg_config *cfg, FILE *out);

const char *dg_severity_name(int severity);
const char *dg_response_name(int response);
const char *dg_syslog_format_name(int format);

struct sockaddr_storage;
/*
 * Parses metrics_listen's "ADDRESS:PORT" (IPv4, or IPv6 in brackets; port
 * 1 to 65535) into @out; *@loopback tells 127.0.0.0/8 or ::1. Returns 0 or
 * -EINVAL.
 */
int dg_listen_parse(const char *s, struct sockaddr_storage *out,
		    bool *loopback);

#endif /* DG_CONFIG_H */
