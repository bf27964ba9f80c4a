// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the keys of the configuration files: one parser per type of value. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <ini.h>

#include "config-int.h"
#include "multicall.h"
#include "names.h"

#define DG_DKEY(n, t) { #n, t, offsetof(struct dg_daemon_config, n) }
const struct dg_key dg_daemon_keys[] = {
	DG_DKEY(log_json, DG_T_PATH_OR_EMPTY),
	/* "stdout" is stdio's macro: the field has another name. */
	{ "stdout", DG_T_BOOL, offsetof(struct dg_daemon_config, json_stdout) },
	DG_DKEY(journald, DG_T_BOOL),
	DG_DKEY(syslog, DG_T_BOOL),
	DG_DKEY(syslog_socket, DG_T_PATH),
	DG_DKEY(syslog_format, DG_T_SYSLOG_FORMAT),
	DG_DKEY(state_dir, DG_T_PATH),
	DG_DKEY(quarantine_dir, DG_T_PATH),
	DG_DKEY(quarantine, DG_T_BOOL),
	DG_DKEY(quarantine_max_bytes, DG_T_SIZE),
	DG_DKEY(throttle_window, DG_T_SECONDS),
	DG_DKEY(max_log_bytes, DG_T_SIZE),
	DG_DKEY(log_keep, DG_T_KEEP),
	DG_DKEY(metrics_listen, DG_T_LISTEN),
	DG_DKEY(metrics_remote, DG_T_BOOL),
	DG_DKEY(metrics_textfile, DG_T_PATH_OR_EMPTY),
	DG_DKEY(docker_root, DG_T_PATH),
	DG_DKEY(containerd_state, DG_T_PATH),
	DG_DKEY(crio_state, DG_T_PATH),
	DG_DKEY(podman_root, DG_T_PATH),
	DG_DKEY(capture_dir, DG_T_PATH),
	DG_DKEY(capture_max_entries, DG_T_COUNT),
	DG_DKEY(capture_max_bytes, DG_T_CAPTURE_SIZE),
	{ "capture_keep", DG_T_COUNT, offsetof(struct dg_daemon_config, capture_keep) },
};

#define DG_PKEY(n, t) { #n, t, offsetof(struct dg_policy, n) }
const struct dg_key dg_policy_keys[] = {
	DG_PKEY(cgroup, DG_T_CGROUP),
	DG_PKEY(mode, DG_T_MODE),
	DG_PKEY(memfd, DG_T_MODE),
	DG_PKEY(volume, DG_T_MODE),
	DG_PKEY(metadata, DG_T_MODE),
	DG_PKEY(mmap, DG_T_MODE),
	DG_PKEY(files, DG_T_MODE),
	DG_PKEY(userns, DG_T_MODE),
	DG_PKEY(execmem, DG_T_MODE),
	DG_PKEY(procmem, DG_T_MODE),
	DG_PKEY(allow, DG_T_PATTERNS),
	DG_PKEY(deny, DG_T_PATTERNS),
	DG_PKEY(watch, DG_T_PATTERNS),
	DG_PKEY(listen, DG_T_MODE),
	DG_PKEY(listen_allow, DG_T_NETRULES),
	DG_PKEY(connect, DG_T_MODE),
	DG_PKEY(connect_allow, DG_T_NETRULES),
	{ "loopback", DG_T_LOOPBACK, offsetof(struct dg_policy, loopback_judged) },
	DG_PKEY(writable, DG_T_ROOTFS_PREFIXES),
	DG_PKEY(config, DG_T_ROOTFS_PREFIXES),
	DG_PKEY(files_exclude, DG_T_PREFIXES),
	DG_PKEY(severity, DG_T_SEVERITY),
	DG_PKEY(runbook, DG_T_URL),
	DG_PKEY(response, DG_T_RESPONSE),
	DG_PKEY(response_on, DG_T_RESPONSE_ON),
	DG_PKEY(capture, DG_T_BOOL),
	DG_PKEY(require_digest, DG_T_BOOL),
};

const size_t dg_ndaemon_keys = DG_COUNT(dg_daemon_keys);
const size_t dg_npolicy_keys = DG_COUNT(dg_policy_keys);
_Static_assert(DG_COUNT(dg_daemon_keys) <= DG_KEYS_MAX &&
	       DG_COUNT(dg_policy_keys) <= DG_KEYS_MAX, "raise DG_KEYS_MAX");


/* --- setters ------------------------------------------------------------ */

/*
 * Appends the blank-separated entries of @value to the list @l: patterns by
 * the module's rules (dg_pattern_check), prefixes absolute paths.
 */
#define DG_NOT_ABSOLUTE	__DG_RULE_MAX
static int dg_set_list(struct dg_parser *p, const char *key, struct dg_list *l,
		       const char *value, bool prefixes)
{
	const char *rest = value, *s;
	char why[DG_CONFIG_ERR_MAX];
	size_t n;
	int rule;

	while ((s = dg_word(&rest, &n))) {
		if (prefixes)
			rule = n >= DRIFTGUARD_PATTERN_MAX ? DG_RULE_LENGTH :
			       *s != '/' ? DG_NOT_ABSOLUTE :
			       l->n >= DRIFTGUARD_LIST_MAX ? DG_RULE_COUNT : -1;
		else
			rule = dg_pattern_check(l->n, s, n);
		if (rule == DG_NOT_ABSOLUTE)
			return dg_fail(p, p->line, -EINVAL,
				       "%s: '%.*s' is not an absolute path",
				       key, (int)n, s);
		if (rule >= 0) {
			dg_pattern_explain(rule, key, s, n, why, sizeof(why));
			return dg_fail(p, p->line, -EINVAL, "%s", why);
		}
		if (dg_list_add(l, s, n))
			return dg_nomem(p);
	}
	return 0;
}

/* One or more of blocked, alerted, watched, blank-separated, each once. */
static int dg_set_response_on(struct dg_parser *p, unsigned int *on,
			      const char *v)
{
	char word[16];
	unsigned int bits = 0;
	const char *rest = v;
	size_t n;
	int i;

	while ((v = dg_word(&rest, &n))) {
		i = -1;
		if (n < sizeof(word)) {
			memcpy(word, v, n);
			word[n] = '\0';
			i = dg_index_of(dg_response_ons, DG_COUNT(dg_response_ons),
				      word);
		}
		if (i < 0)
			return dg_fail(p, p->line, -EINVAL,
				       "response_on: '%.*s' is not blocked, alerted "
				       "or watched", (int)n, v);
		if (bits & (1u << i))
			return dg_fail(p, p->line, -EINVAL,
				       "response_on: '%s' given twice", word);
		bits |= 1u << i;
	}
	if (!bits)
		return dg_fail(p, p->line, -EINVAL,
			       "response_on: empty (blocked, alerted or watched; "
			       "response = none turns responses off)");
	*on = bits;
	return 0;
}

/* The policy already covering the cgroup pattern @cgroup, if any. */
static const struct dg_policy *dg_cgroup_owner(const struct dg_parser *p,
					       const char *cgroup)
{
	size_t i;

	for (i = 0; i < p->cfg->npolicies; i++)
		if (!strcmp(p->cfg->policies[i].cgroup, cgroup))
			return &p->cfg->policies[i];
	for (i = 0; i + 1 < p->npols; i++)
		if (!strcmp(p->pols[i].cgroup, cgroup))
			return &p->pols[i];
	return NULL;
}

/*
 * One parser per type of key: each checks @v, and sets @field or says what
 * is wrong. dg_types below maps a type to its parser and printer.
 */
static int dg_set_path(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v)
{
	if (*v != '/' || strlen(v) >= DG_PATH_MAX)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not an absolute path", k->name, v);
	return dg_set_str(p, field, v);
}

static int dg_set_path_or_empty(struct dg_parser *p, const struct dg_key *k,
				void *field, const char *v)
{
	return *v ? dg_set_path(p, k, field, v) : dg_set_str(p, field, v);
}

static int dg_set_bool(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v)
{
	int i = dg_bool_parse(v);

	if (i < 0)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not yes or no (or true, false, "
			       "on, off, 1, 0)", k->name, v);
	*(bool *)field = i;
	return 0;
}

static int dg_set_size(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v)
{
	int err = dg_parse_uint(v, true, field);

	if (err)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not a size (bytes, or a number "
			       "with K, M or G)%s", k->name, v,
			       err == -ERANGE ? ": too big" : "");
	return 0;
}

static int dg_set_seconds(struct dg_parser *p, const struct dg_key *k,
			  void *field, const char *v)
{
	uint64_t n;

	if (dg_parse_uint(v, false, &n) || n > DG_SECONDS_MAX)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not a number of seconds from 0 "
			       "to %d", k->name, v, DG_SECONDS_MAX);
	*(unsigned int *)field = (unsigned int)n;
	return 0;
}

static int dg_set_keep(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v)
{
	uint64_t n;

	if (dg_parse_uint(v, false, &n) || n < 1 || n > DG_LOG_KEEP_MAX)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not a number of files from 1 "
			       "to %d", k->name, v, DG_LOG_KEEP_MAX);
	*(unsigned int *)field = (unsigned int)n;
	return 0;
}

/* A number of entries or files, 1 to DG_COUNT_MAX. */
static int dg_set_count(struct dg_parser *p, const struct dg_key *k,
			void *field, const char *v)
{
	uint64_t n;

	if (dg_parse_uint(v, false, &n) || n < 1 || n > DG_COUNT_MAX)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not a number from 1 to %d",
			       k->name, v, DG_COUNT_MAX);
	*(unsigned int *)field = (unsigned int)n;
	return 0;
}

/* capture_max_bytes: a capture must hold its own header, and stay sane. */
static int dg_set_capture_size(struct dg_parser *p, const struct dg_key *k,
			       void *field, const char *v)
{
	uint64_t n;

	if (dg_parse_uint(v, true, &n) || n < (4ULL << 10) || n > (1ULL << 30))
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not a size from 4K to 1G",
			       k->name, v);
	*(uint64_t *)field = n;
	return 0;
}

static int dg_set_cgroup(struct dg_parser *p, const struct dg_key *k,
			 void *field, const char *v)
{
	const struct dg_policy *other;

	(void)k;
	if (!dg_cgroup_ok(v))
		return dg_fail(p, p->line, -EINVAL,
			       "cgroup: '%s' is not a path relative to the "
			       "cgroup2 mount (like system.slice/docker-*.scope)",
			       v);
	other = dg_cgroup_owner(p, v);
	if (other)
		return dg_fail(p, p->line, -EINVAL,
			       "cgroup '%s' already has policy '%s' (%s:%d)",
			       v, other->name, other->file, other->line);
	return dg_set_str(p, field, v);
}

static int dg_set_mode(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v)
{
	const struct dg_mode_key *mk = dg_mode_key_named(k->name);
	int i = mk ? dg_mode_key_parse(mk, v) : -1;

	if (i < 0)
		return dg_fail(p, p->line, -EINVAL, "%s: '%s' is not %s",
			       k->name, v, mk ? dg_mode_key_accepts(mk) :
			       "a mode");
	*(int *)field = i;
	return 0;
}

static int dg_set_patterns(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	return dg_set_list(p, k->name, field, v, false);
}

static int dg_set_prefixes(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	return dg_set_list(p, k->name, field, v, true);
}

/* writable, config: the module's rootfs prefixes. */
static int dg_set_rootfs_prefixes(struct dg_parser *p, const struct dg_key *k,
				  void *field, const char *v)
{
	struct dg_list *l = field;
	char why[DG_CONFIG_ERR_MAX];
	const char *rest = v, *s;
	size_t n;

	while ((s = dg_word(&rest, &n))) {
		if (dg_prefix_check(k->name, l->n, s, n, why, sizeof(why)))
			return dg_fail(p, p->line, -EINVAL, "%s", why);
		if (dg_list_add(l, s, n))
			return dg_nomem(p);
	}
	return 0;
}

/* A key whose value is one of the names @names, the enum value its index. */
static int dg_set_enum(struct dg_parser *p, const struct dg_key *k,
		       void *field, const char *v, const char *const *names,
		       int n, const char *accepts)
{
	int i = dg_index_of(names, n, v);

	if (i < 0)
		return dg_fail(p, p->line, -EINVAL, "%s: '%s' is not %s",
			       k->name, v, accepts);
	*(int *)field = i;
	return 0;
}

static int dg_set_severity(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	return dg_set_enum(p, k, field, v, dg_severities,
			   DG_COUNT(dg_severities), "high, medium, low or info");
}

static int dg_set_url(struct dg_parser *p, const struct dg_key *k,
		      void *field, const char *v)
{
	(void)k;
	if (*v && !dg_url_ok(v))
		return dg_fail(p, p->line, -EINVAL,
			       "runbook: '%s' is not an http:// or https:// URL", v);
	return dg_set_str(p, field, v);
}

static int dg_set_response(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	return dg_set_enum(p, k, field, v, dg_responses,
			   DG_COUNT(dg_responses), "none, kill, stop or pause");
}

static int dg_set_syslog_format(struct dg_parser *p, const struct dg_key *k,
				void *field, const char *v)
{
	return dg_set_enum(p, k, field, v, dg_syslog_formats,
			   DG_COUNT(dg_syslog_formats), "local or rfc5424");
}

static int dg_set_response_on_key(struct dg_parser *p, const struct dg_key *k,
				  void *field, const char *v)
{
	(void)k;
	return dg_set_response_on(p, field, v);
}

static int dg_set_listen(struct dg_parser *p, const struct dg_key *k,
			 void *field, const char *v)
{
	struct sockaddr_storage ss;
	bool loopback;

	if (*v && dg_listen_parse(v, &ss, &loopback))
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not ADDRESS:PORT (an IPv4 address "
			       "or an IPv6 one in brackets, a port from 1 to "
			       "65535: 127.0.0.1:9464, [::1]:9464)", k->name, v);
	return dg_set_str(p, field, v);
}

/* listen_allow, connect_allow: blank-separated entries, as the module parses. */
static int dg_set_netrules(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	int attr = !strcmp(k->name, "listen_allow") ? DRIFTGUARD_A_LISTEN_ALLOW :
		   DRIFTGUARD_A_CONNECT_ALLOW;
	struct dg_list *l = field;
	const char *rest = v, *s, *why;
	char entry[DRIFTGUARD_PATTERN_MAX];
	size_t n;

	while ((s = dg_word(&rest, &n))) {
		snprintf(entry, sizeof(entry), "%.*s", (int)n, s);
		why = n >= sizeof(entry) ? "network entry longer than 79 bytes" :
		      dg_netrule_check(attr, l->n, entry);
		if (why)
			return dg_fail(p, p->line, -EINVAL, "%s: '%.*s': %s",
				       k->name, (int)n, s, why);
		if (dg_list_add(l, s, n))
			return dg_nomem(p);
	}
	return 0;
}

/* loopback = yes: loopback is exempt from listen and connect (the default). */
static int dg_set_loopback(struct dg_parser *p, const struct dg_key *k,
			   void *field, const char *v)
{
	int b = dg_bool_parse(v);

	if (b < 0)
		return dg_fail(p, p->line, -EINVAL,
			       "%s: '%s' is not yes (exempt) or no (judged)",
			       k->name, v);
	*(int *)field = !b;
	return 0;
}

static void dg_print_loopback(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, *(const int *)f ? "no" : "yes");
}

/* Enum fields are set and read as int. */
_Static_assert(sizeof(enum dg_severity) == sizeof(int) &&
	       sizeof(enum dg_response) == sizeof(int) &&
	       sizeof(enum dg_syslog_format) == sizeof(int), "enum is not an int");

const struct dg_type_ops dg_types[] = {
	[DG_T_PATH] = { dg_set_path, dg_print_str },
	[DG_T_PATH_OR_EMPTY] = { dg_set_path_or_empty, dg_print_str },
	[DG_T_BOOL] = { dg_set_bool, dg_print_bool },
	[DG_T_SIZE] = { dg_set_size, dg_print_size },
	[DG_T_SECONDS] = { dg_set_seconds, dg_print_uint },
	[DG_T_KEEP] = { dg_set_keep, dg_print_uint },
	[DG_T_CGROUP] = { dg_set_cgroup, dg_print_str },
	[DG_T_MODE] = { dg_set_mode, dg_print_mode },
	[DG_T_PATTERNS] = { dg_set_patterns, dg_print_list_key },
	[DG_T_PREFIXES] = { dg_set_prefixes, dg_print_list_key },
	[DG_T_SEVERITY] = { dg_set_severity, dg_print_severity },
	[DG_T_URL] = { dg_set_url, dg_print_str },
	[DG_T_RESPONSE] = { dg_set_response, dg_print_response },
	[DG_T_SYSLOG_FORMAT] = { dg_set_syslog_format, dg_print_syslog_format },
	[DG_T_RESPONSE_ON] = { dg_set_response_on_key, dg_print_response_on },
	[DG_T_LISTEN] = { dg_set_listen, dg_print_str },
	[DG_T_NETRULES] = { dg_set_netrules, dg_print_list_key },
	[DG_T_LOOPBACK] = { dg_set_loopback, dg_print_loopback },
	[DG_T_ROOTFS_PREFIXES] = { dg_set_rootfs_prefixes, dg_print_list_key },
	[DG_T_COUNT] = { dg_set_count, dg_print_uint },
	[DG_T_CAPTURE_SIZE] = { dg_set_capture_size, dg_print_size },
};
_Static_assert(sizeof(dg_types) / sizeof(dg_types[0]) == __DG_T_MAX,
	       "a type of key without its parser and printer");

