// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: driftguardd's configuration and policy files. */
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
#include <ini.h>

#include "config.h"
#include "multicall.h"
#include "names.h"

#define DG_PATH_MAX	4096
#define DG_URL_MAX	2048
#define DG_SECONDS_MAX	86400

#define DG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const dg_severities[] = {
	[DG_SEVERITY_HIGH] = "high",
	[DG_SEVERITY_MEDIUM] = "medium",
	[DG_SEVERITY_LOW] = "low",
	[DG_SEVERITY_INFO] = "info",
};

static const char *const dg_responses[] = {
	[DG_RESPONSE_NONE] = "none",
	[DG_RESPONSE_KILL] = "kill",
	[DG_RESPONSE_STOP] = "stop",
	[DG_RESPONSE_PAUSE] = "pause",
};

/* Bit i of response_on is dg_response_ons[i]. */
static const char *const dg_response_ons[] = {
	"blocked", "alerted", "watched",
};

static const char *const dg_syslog_formats[] = {
	[DG_SYSLOG_LOCAL] = "local",
	[DG_SYSLOG_RFC5424] = "rfc5424",
};

/* Where programs write as a matter of course: file drift there is noise. */
static const char *const dg_default_excludes[] = {
	"/tmp", "/var/tmp", "/var/log", "/run", "/proc",
};

const char *dg_syslog_format_name(int format)
{
	if (format < 0 || format >= __DG_SYSLOG_MAX)
		return "unknown";
	return dg_syslog_formats[format];
}

const char *dg_severity_name(int severity)
{
	if (severity < 0 || severity >= __DG_SEVERITY_MAX)
		return "unknown";
	return dg_severities[severity];
}

const char *dg_response_name(int response)
{
	if (response < 0 || response >= __DG_RESPONSE_MAX)
		return "unknown";
	return dg_responses[response];
}

/* --- keys --------------------------------------------------------------- */

enum dg_type {
	DG_T_PATH,		/* char *, absolute */
	DG_T_PATH_OR_EMPTY,	/* char *, absolute or "" */
	DG_T_BOOL,		/* bool, yes|no */
	DG_T_SIZE,		/* uint64_t, bytes, K/M/G */
	DG_T_SECONDS,		/* unsigned int */
	DG_T_KEEP,		/* unsigned int, rotated files kept */
	DG_T_CGROUP,		/* char *, relative pattern */
	DG_T_MODE,		/* int, as its row of dg_mode_keys says */
	DG_T_PATTERNS,		/* struct dg_list, names or absolute paths */
	DG_T_PREFIXES,		/* struct dg_list, absolute paths */
	DG_T_SEVERITY,		/* enum dg_severity */
	DG_T_URL,		/* char *, http(s) URL or "" */
	DG_T_RESPONSE,		/* enum dg_response */
	DG_T_SYSLOG_FORMAT,	/* enum dg_syslog_format */
	DG_T_RESPONSE_ON,	/* unsigned int, DG_ON_* bits */
	__DG_T_MAX,
};

struct dg_key {
	const char *name;
	enum dg_type type;
	size_t offset;		/* in struct dg_daemon_config or dg_policy */
};

struct dg_parser;

/* What a type of key is parsed and printed with. */
struct dg_type_ops {
	int (*set)(struct dg_parser *p, const struct dg_key *k, void *field,
		   const char *v);
	void (*print)(FILE *out, const struct dg_key *k, const void *field);
};

static const struct dg_type_ops dg_types[];

/* In the order of the documentation and of dg_config_print. */
#define DG_DKEY(n, t) { #n, t, offsetof(struct dg_daemon_config, n) }
static const struct dg_key dg_daemon_keys[] = {
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
};

#define DG_PKEY(n, t) { #n, t, offsetof(struct dg_policy, n) }
static const struct dg_key dg_policy_keys[] = {
	DG_PKEY(cgroup, DG_T_CGROUP),
	DG_PKEY(mode, DG_T_MODE),
	DG_PKEY(memfd, DG_T_MODE),
	DG_PKEY(volume, DG_T_MODE),
	DG_PKEY(mmap, DG_T_MODE),
	DG_PKEY(files, DG_T_MODE),
	DG_PKEY(userns, DG_T_MODE),
	DG_PKEY(execmem, DG_T_MODE),
	DG_PKEY(procmem, DG_T_MODE),
	DG_PKEY(allow, DG_T_PATTERNS),
	DG_PKEY(deny, DG_T_PATTERNS),
	DG_PKEY(watch, DG_T_PATTERNS),
	DG_PKEY(files_exclude, DG_T_PREFIXES),
	DG_PKEY(severity, DG_T_SEVERITY),
	DG_PKEY(runbook, DG_T_URL),
	DG_PKEY(response, DG_T_RESPONSE),
	DG_PKEY(response_on, DG_T_RESPONSE_ON),
};

#define DG_KEYS_MAX 24
_Static_assert(DG_COUNT(dg_daemon_keys) <= DG_KEYS_MAX &&
	       DG_COUNT(dg_policy_keys) <= DG_KEYS_MAX, "raise DG_KEYS_MAX");

/* --- one parse ---------------------------------------------------------- */

enum dg_kind { DG_DAEMON_FILE, DG_POLICY_FILE };
enum dg_section { DG_SEC_NONE, DG_SEC_DAEMON, DG_SEC_POLICY };

struct dg_parser {
	enum dg_kind kind;
	const char *name;		/* the file, for messages */
	const char *text;
	size_t len, pos;		/* the reader's place in @text */
	int line;			/* of the line inih works on */

	int err;			/* the first error, and where */
	int err_line;
	char *msg;
	size_t msg_size;

	enum dg_section section;
	int section_line;
	int seen[DG_KEYS_MAX];		/* line each key was first given on */

	struct dg_daemon_config daemon;	/* DG_DAEMON_FILE: what it sets */
	const struct dg_config *cfg;	/* DG_POLICY_FILE: policies so far */
	struct dg_policy *pols;		/* ... and the ones this file adds */
	size_t npols, cap;
};

static int dg_fail(struct dg_parser *p, int line, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Keeps the first error only: the rest often follow from it. */
static int dg_fail(struct dg_parser *p, int line, int err, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (p->err)
		return p->err;
	p->err = err;
	p->err_line = line;
	n = snprintf(p->msg, p->msg_size, "%s:%d: ", p->name, line);
	if (n >= 0 && (size_t)n < p->msg_size) {
		va_start(ap, fmt);
		vsnprintf(p->msg + n, p->msg_size - n, fmt, ap);
		va_end(ap);
	}
	return err;
}

static int dg_nomem(struct dg_parser *p)
{
	return dg_fail(p, p->line, -ENOMEM, "out of memory");
}

static struct dg_policy *dg_cur(struct dg_parser *p)
{
	return p->section == DG_SEC_POLICY ? &p->pols[p->npols - 1] : NULL;
}

/* Replaces the string *@field by a copy of @s. */
static int dg_set_str(struct dg_parser *p, char **field, const char *s)
{
	char *c = strdup(s);

	if (!c)
		return dg_nomem(p);
	free(*field);
	*field = c;
	return 0;
}

/* A decimal number; with @units, K, M or G may follow for 1024^1..3. */
static int dg_parse_uint(const char *s, bool units, uint64_t *out)
{
	uint64_t v = 0, mul = 1;

	if (!isdigit((unsigned char)*s))
		return -EINVAL;
	for (; isdigit((unsigned char)*s); s++) {
		if (v > (UINT64_MAX - (*s - '0')) / 10)
			return -ERANGE;
		v = v * 10 + (*s - '0');
	}
	if (units && *s) {
		static const char suffixes[] = "KMG";
		const char *u = strchr(suffixes, *s);

		if (!u)
			return -EINVAL;
		mul = 1ULL << (10 * (u - suffixes + 1));
		s++;
	}
	if (*s)
		return -EINVAL;
	if (v > UINT64_MAX / mul)
		return -ERANGE;
	*out = v * mul;
	return 0;
}

/*
 * A cgroup pattern, relative to the cgroup2 mount: no leading or trailing
 * '/', no empty, "." or ".." component (they would make two spellings of one
 * cgroup, or leave the mount).
 */
static bool dg_cgroup_ok(const char *s)
{
	const char *c = s, *e;
	size_t n;

	if (!*s || strlen(s) >= DG_PATH_MAX)
		return false;
	for (;;) {
		e = strchr(c, '/');
		n = e ? (size_t)(e - c) : strlen(c);
		if (!n || (n == 1 && c[0] == '.') ||
		    (n == 2 && c[0] == '.' && c[1] == '.'))
			return false;
		if (!e)
			return true;
		c = e + 1;
	}
}

static bool dg_url_ok(const char *s)
{
	const char *rest;

	if (!strncmp(s, "https://", 8))
		rest = s + 8;
	else if (!strncmp(s, "http://", 7))
		rest = s + 7;
	else
		return false;
	if (!*rest || strlen(s) > DG_URL_MAX)
		return false;
	for (; *s; s++)
		if (isspace((unsigned char)*s) || iscntrl((unsigned char)*s))
			return false;
	return true;
}

/*
 * Appends the blank-separated entries of @value to the list @l: patterns by
 * the module's rules (dg_pattern_check), prefixes absolute paths.
 */
#define DG_NOT_ABSOLUTE	__DG_RULE_MAX
static int dg_set_list(struct dg_parser *p, const char *key, struct dg_list *l,
		       const char *value, bool prefixes)
{
	const char *s = value, *e;
	char why[DG_CONFIG_ERR_MAX];
	size_t n;
	int rule;

	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			return 0;
		for (e = s; *e && *e != ' ' && *e != '\t'; e++)
			;
		n = e - s;
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
		s = e;
	}
}

/* yes|no, and the spellings other tools use for them: 1, 0 or -1. */
static int dg_bool_parse(const char *v)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };

	if (dg_index_of(yes, DG_COUNT(yes), v) >= 0)
		return 1;
	if (dg_index_of(no, DG_COUNT(no), v) >= 0)
		return 0;
	return -1;
}

/* One or more of blocked, alerted, watched, blank-separated, each once. */
static int dg_set_response_on(struct dg_parser *p, unsigned int *on,
			      const char *v)
{
	char word[16];
	unsigned int bits = 0;
	const char *e;
	size_t n;
	int i;

	for (;;) {
		while (*v == ' ' || *v == '\t')
			v++;
		if (!*v)
			break;
		for (e = v; *e && *e != ' ' && *e != '\t'; e++)
			;
		n = e - v;
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
		v = e;
	}
	if (!bits)
		return dg_fail(p, p->line, -EINVAL,
			       "response_on: empty (blocked, alerted or watched; "
			       "response = none turns responses off)");
	*on = bits;
	return 0;
}

bool dg_response_applies(const struct dg_policy *pol, int action, int class,
			 bool alert_only)
{
	unsigned int bit;

	if (pol->response == DG_RESPONSE_NONE || alert_only)
		return false;
	if (action == DRIFTGUARD_ACTION_BLOCKED)
		bit = DG_ON_BLOCKED;
	else if (class == DRIFTGUARD_CLASS_WATCHED)
		bit = DG_ON_WATCHED;
	else
		bit = DG_ON_ALERTED;
	return pol->response_on & bit;
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

/* --- sections ----------------------------------------------------------- */

static int dg_policy_init(struct dg_policy *pol, const char *name,
			  const char *file, int line)
{
	size_t i;

	memset(pol, 0, sizeof(*pol));
	pol->line = line;
	pol->severity = DG_SEVERITY_HIGH;
	pol->response = DG_RESPONSE_NONE;
	pol->response_on = DG_ON_BLOCKED;
	pol->name = strdup(name);
	pol->file = strdup(file);
	pol->runbook = strdup("");
	if (!pol->name || !pol->file || !pol->runbook)
		return -ENOMEM;
	for (i = 0; i < DG_COUNT(dg_default_excludes); i++)
		if (dg_list_add(&pol->files_exclude, dg_default_excludes[i],
				strlen(dg_default_excludes[i])))
			return -ENOMEM;
	return 0;
}

static const struct dg_policy *dg_policy_named(const struct dg_parser *p,
					       const char *name)
{
	size_t i;

	for (i = 0; i < p->cfg->npolicies; i++)
		if (!strcmp(p->cfg->policies[i].name, name))
			return &p->cfg->policies[i];
	for (i = 0; i < p->npols; i++)
		if (!strcmp(p->pols[i].name, name))
			return &p->pols[i];
	return NULL;
}

/* What a section must have, checked when the next one starts or at the end. */
static int dg_section_end(struct dg_parser *p)
{
	const struct dg_policy *pol = dg_cur(p);

	if (pol && !pol->cgroup)
		return dg_fail(p, p->section_line, -EINVAL,
			       "[policy %s] has no cgroup", pol->name);
	return 0;
}

static bool dg_policy_name_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (!n || n > DG_POLICY_NAME_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return false;
	return true;
}

static int dg_policy_start(struct dg_parser *p, const char *name)
{
	const struct dg_policy *other;
	struct dg_policy *pols;

	if (!dg_policy_name_ok(name))
		return dg_fail(p, p->line, -EINVAL,
			       "policy name '%s' is not 1 to %d of A-Z a-z 0-9 . _ -",
			       name, DG_POLICY_NAME_MAX);
	other = dg_policy_named(p, name);
	if (other)
		return dg_fail(p, p->line, -EINVAL,
			       "policy '%s' is already defined at %s:%d",
			       name, other->file, other->line);
	if (p->npols == p->cap) {
		pols = realloc(p->pols, (p->cap * 2 + 4) * sizeof(*pols));
		if (!pols)
			return dg_nomem(p);
		p->pols = pols;
		p->cap = p->cap * 2 + 4;
	}
	/* Counted at once, so a failed init is freed with the rest. */
	p->section = DG_SEC_POLICY;
	if (dg_policy_init(&p->pols[p->npols++], name, p->name, p->line))
		return dg_nomem(p);
	return 0;
}

/*
 * A section header starts a section. inih tells its handler only of keys,
 * so an empty section, or the same header twice in a row, would go unseen:
 * headers are looked for here, in each line before inih reads it. inih's
 * own rules: blanks, then '[', the name up to the first ']'.
 */
static int dg_section_line(struct dg_parser *p, const char *line)
{
	char name[DG_CONFIG_LINE_MAX];
	const char *s = line, *end, *t;
	size_t n;

	if (p->line == 1 && !strncmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '[')
		return 0;
	end = strchr(s + 1, ']');
	if (!end)
		return dg_fail(p, p->line, -EINVAL, "section header without ']'");
	for (t = end + 1; isspace((unsigned char)*t); t++)
		;
	if (*t && *t != ';' && *t != '#')
		return dg_fail(p, p->line, -EINVAL, "text after the section header");
	if (dg_section_end(p))
		return p->err;

	for (s++; s < end && isspace((unsigned char)*s); s++)
		;
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	n = end - s;
	if (n >= sizeof(name))
		return dg_fail(p, p->line, -EINVAL, "section name too long");
	memcpy(name, s, n);
	name[n] = '\0';
	p->section_line = p->line;
	p->section = DG_SEC_NONE;

	if (p->kind == DG_DAEMON_FILE) {
		/* Keys given twice count over the file, not per section. */
		if (strcmp(name, "daemon"))
			return dg_fail(p, p->line, -EINVAL,
				       "unknown section [%s] (a daemon file has "
				       "[daemon] only)", name);
		p->section = DG_SEC_DAEMON;
		return 0;
	}
	if (strncmp(name, "policy", 6) || !isspace((unsigned char)name[6]))
		return dg_fail(p, p->line, -EINVAL,
			       "unknown section [%s] (a policy file has "
			       "[policy NAME] sections only)", name);
	for (s = name + 6; isspace((unsigned char)*s); s++)
		;
	memset(p->seen, 0, sizeof(p->seen));
	return dg_policy_start(p, s);
}

/* --- inih callbacks ----------------------------------------------------- */

/*
 * inih's reader: one line per call, so p->line is the line the handler is
 * called for. Lines inih would split (too long) or cut (NUL) are errors
 * here, so line numbers stay right.
 */
static char *dg_read_line(char *buf, int num, void *stream)
{
	struct dg_parser *p = stream;
	const char *s = p->text + p->pos, *nl;
	size_t n, content;

	if (p->err || p->pos >= p->len)
		return NULL;
	nl = memchr(s, '\n', p->len - p->pos);
	n = nl ? (size_t)(nl - s) + 1 : p->len - p->pos;
	p->pos += n;
	p->line++;
	content = n;
	if (content && s[content - 1] == '\n')
		content--;
	if (content && s[content - 1] == '\r')
		content--;
	if (memchr(s, '\0', n)) {
		dg_fail(p, p->line, -EINVAL, "NUL byte in the line");
		return NULL;
	}
	if (num < 3 || content > (size_t)num - 3) {
		dg_fail(p, p->line, -EINVAL, "line longer than %d characters",
			num - 3);
		return NULL;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (dg_section_line(p, buf))
		return NULL;
	return buf;
}

static int dg_on_key(void *user, const char *section, const char *name,
		     const char *value)
{
	struct dg_parser *p = user;
	const struct dg_key *keys;
	size_t nkeys, k;
	char *base;

	(void)section;	/* dg_section_line knows it, with its line */
	if (p->err)
		return 0;
	switch (p->section) {
	case DG_SEC_DAEMON:
		keys = dg_daemon_keys;
		nkeys = DG_COUNT(dg_daemon_keys);
		base = (char *)&p->daemon;
		break;
	case DG_SEC_POLICY:
		keys = dg_policy_keys;
		nkeys = DG_COUNT(dg_policy_keys);
		base = (char *)dg_cur(p);
		break;
	default:
		dg_fail(p, p->line, -EINVAL, "'%s' is outside a section", name);
		return 0;
	}
	for (k = 0; k < nkeys && strcmp(keys[k].name, name); k++)
		;
	if (k == nkeys) {
		if (p->section == DG_SEC_DAEMON)
			dg_fail(p, p->line, -EINVAL, "unknown key '%s' in [daemon]",
				name);
		else
			dg_fail(p, p->line, -EINVAL,
				"unknown key '%s' in [policy %s]", name,
				dg_cur(p)->name);
		return 0;
	}
	if (keys[k].type == DG_T_PREFIXES && !p->seen[k]) {
		/* The first files_exclude replaces the default list. */
		dg_list_free((struct dg_list *)(base + keys[k].offset));
	} else if (p->seen[k] && keys[k].type != DG_T_PATTERNS &&
		   keys[k].type != DG_T_PREFIXES) {
		dg_fail(p, p->line, -EINVAL, "'%s' given twice (first on line %d)",
			name, p->seen[k]);
		return 0;
	}
	if (!p->seen[k])
		p->seen[k] = p->line;
	return !dg_types[keys[k].type].set(p, &keys[k], base + keys[k].offset, value);
}

/*
 * Debian's libinih turns inih's compile-time options into process-wide
 * variables. Ours are set before every parse, always to the same values:
 * lines long enough for a full list entry, no continuation lines (an
 * indented "[section]" would otherwise be read as a value), no key without
 * a value. Nothing else in driftguardd uses inih.
 */
static void dg_ini_dialect(void)
{
	ini_max_line = DG_CONFIG_LINE_MAX;
	ini_allow_multiline = false;
	ini_allow_no_value = false;
	ini_allow_bom = true;
	ini_stop_on_first_error = false;
	ini_allow_inline_comments = true;
	/* Only after a blank: a runbook URL's "#anchor" stays in the value. */
	ini_inline_comment_prefixes = ";#";
}

static int dg_parse(struct dg_parser *p)
{
	int line;

	dg_ini_dialect();
	line = ini_parse_stream(dg_read_line, p, dg_on_key, p);
	if (line == -2)
		return dg_fail(p, p->line, -ENOMEM, "out of memory");
	/* inih's own complaint, when it comes before ours: no '=' in a line. */
	if (line > 0 && (!p->err || line < p->err_line)) {
		p->err = 0;
		return dg_fail(p, line, -EINVAL,
			       "expected 'key = value', '[section]' or a comment");
	}
	if (!p->err)
		dg_section_end(p);
	return p->err;
}

/* --- configurations ----------------------------------------------------- */

static void dg_daemon_free(struct dg_daemon_config *d)
{
	free(d->log_json);
	free(d->syslog_socket);
	free(d->state_dir);
	free(d->quarantine_dir);
	memset(d, 0, sizeof(*d));
}

static int dg_daemon_defaults(struct dg_daemon_config *d)
{
	memset(d, 0, sizeof(*d));
	d->journald = true;
	d->quarantine_max_bytes = 64ULL << 20;
	d->throttle_window = 300;
	d->log_keep = 5;
	d->max_log_bytes = 100ULL << 20;
	d->log_json = strdup("/var/log/driftguard/events.jsonl");
	d->syslog_socket = strdup("/dev/log");
	d->state_dir = strdup("/var/lib/driftguard");
	d->quarantine_dir = strdup("/var/lib/driftguard/quarantine");
	if (!d->log_json || !d->syslog_socket || !d->state_dir ||
	    !d->quarantine_dir) {
		dg_daemon_free(d);
		return -ENOMEM;
	}
	return 0;
}

struct dg_config *dg_config_new(void)
{
	struct dg_config *cfg = calloc(1, sizeof(*cfg));

	if (cfg && dg_daemon_defaults(&cfg->daemon)) {
		free(cfg);
		return NULL;
	}
	return cfg;
}

void dg_config_free(struct dg_config *cfg)
{
	size_t i;

	if (!cfg)
		return;
	dg_daemon_free(&cfg->daemon);
	for (i = 0; i < cfg->npolicies; i++)
		dg_policy_free(&cfg->policies[i]);
	free(cfg->policies);
	for (i = 0; i < cfg->nwarnings; i++)
		free(cfg->warnings[i]);
	free(cfg->warnings);
	free(cfg);
}

static void dg_parser_init(struct dg_parser *p, enum dg_kind kind,
			   const struct dg_config *cfg, const char *name,
			   const char *text, size_t len, char *err, size_t size)
{
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->cfg = cfg;
	p->name = name;
	p->text = text;
	p->len = len;
	p->msg = err;
	p->msg_size = size;
	if (size)
		err[0] = '\0';
}

int dg_config_parse_daemon(struct dg_config *cfg, const char *name,
			   const char *text, size_t len, char *err, size_t size)
{
	struct dg_parser p;

	dg_parser_init(&p, DG_DAEMON_FILE, cfg, name, text, len, err, size);
	/* Parsed into a copy of the defaults: a failed parse changes nothing. */
	if (dg_daemon_defaults(&p.daemon))
		return dg_nomem(&p);
	if (dg_parse(&p)) {
		dg_daemon_free(&p.daemon);
		return p.err;
	}
	dg_daemon_free(&cfg->daemon);
	cfg->daemon = p.daemon;
	return 0;
}

int dg_config_parse_policies(struct dg_config *cfg, const char *name,
			     const char *text, size_t len, char *err, size_t size)
{
	struct dg_policy *all;
	struct dg_parser p;
	size_t i;

	dg_parser_init(&p, DG_POLICY_FILE, cfg, name, text, len, err, size);
	if (!dg_parse(&p) && p.npols) {
		all = realloc(cfg->policies,
			      (cfg->npolicies + p.npols) * sizeof(*all));
		if (!all) {
			dg_nomem(&p);
		} else {
			memcpy(all + cfg->npolicies, p.pols, p.npols * sizeof(*all));
			cfg->policies = all;
			cfg->npolicies += p.npols;
			p.npols = 0;
		}
	}
	for (i = 0; i < p.npols; i++)
		dg_policy_free(&p.pols[i]);
	free(p.pols);
	return p.err;
}

static int dg_errf(char *err, size_t size, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int dg_errf(char *err, size_t size, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return code;
}

/* What a file that is not a regular one is, for messages. */
static const char *dg_file_type(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return "a directory";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	default:
		return "not a regular file";
	}
}

static int dg_not_regular(const char *path, mode_t mode, char *err,
			  size_t size)
{
	return dg_errf(err, size, -EINVAL,
		       "%s: is %s, not a regular file: nothing read", path,
		       dg_file_type(mode));
}

/*
 * Reads all of @path (a regular file, symlinks followed) into *@text.
 * Anything else is refused before it is opened: opening a FIFO would block,
 * opening a device may act on it. O_NONBLOCK and the second check cover a
 * file swapped in between.
 */
static int dg_read_file(const char *path, char **text, size_t *len, char *err,
			size_t size)
{
	struct stat st;
	size_t n = 0;
	ssize_t r;
	char *buf;
	int fd, ret = 0;

	if (stat(path, &st))
		return dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return dg_not_regular(path, st.st_mode, err, size);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
	if (fstat(fd, &st)) {
		ret = dg_errf(err, size, -errno, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = dg_not_regular(path, st.st_mode, err, size);
		goto out;
	}
	/* One byte more than allowed, to see a file that is too big. */
	buf = malloc(DG_CONFIG_FILE_MAX + 1);
	if (!buf) {
		ret = dg_errf(err, size, -ENOMEM, "%s: out of memory", path);
		goto out;
	}
	while (n <= DG_CONFIG_FILE_MAX) {
		r = read(fd, buf + n, DG_CONFIG_FILE_MAX + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ret = dg_errf(err, size, -errno, "%s: %s", path,
				      strerror(errno));
			break;
		}
		if (!r)
			break;
		n += r;
	}
	if (!ret && n > DG_CONFIG_FILE_MAX)
		ret = dg_errf(err, size, -EFBIG, "%s: larger than %d bytes",
			      path, DG_CONFIG_FILE_MAX);
	if (ret) {
		free(buf);
	} else {
		*text = buf;
		*len = n;
	}
out:
	close(fd);
	return ret;
}

static int dg_conf_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	/* Dot files include a ConfigMap's ..data and editors' leftovers. */
	return d->d_name[0] != '.' && n > 5 && !strcmp(d->d_name + n - 5, ".conf");
}

/* Byte order, not the locale's: the load order must not depend on it. */
static int dg_conf_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int dg_load_file(struct dg_config *cfg, const char *path,
			enum dg_kind kind, char *err, size_t size)
{
	size_t len;
	char *text;
	int ret;

	ret = dg_read_file(path, &text, &len, err, size);
	if (ret)
		return ret;
	if (kind == DG_DAEMON_FILE)
		ret = dg_config_parse_daemon(cfg, path, text, len, err, size);
	else
		ret = dg_config_parse_policies(cfg, path, text, len, err, size);
	free(text);
	return ret;
}

int dg_config_load(const char *daemon_file, const char *policy_dir,
		   struct dg_config **out, char *err, size_t size)
{
	struct dirent **ents = NULL;
	struct dg_config *cfg;
	char path[DG_PATH_MAX];
	int i, n = 0, ret = 0;

	cfg = dg_config_new();
	if (!cfg)
		return dg_errf(err, size, -ENOMEM, "out of memory");
	if (daemon_file)
		ret = dg_load_file(cfg, daemon_file, DG_DAEMON_FILE, err, size);
	if (!ret && policy_dir) {
		n = scandir(policy_dir, &ents, dg_conf_filter, dg_conf_cmp);
		if (n < 0) {
			ret = dg_errf(err, size, -errno, "%s: %s", policy_dir,
				      strerror(errno));
			n = 0;
		}
	}
	for (i = 0; i < n; i++) {
		if (!ret && snprintf(path, sizeof(path), "%s/%s", policy_dir,
				     ents[i]->d_name) >= (int)sizeof(path))
			ret = dg_errf(err, size, -ENAMETOOLONG, "%s/%s: %s",
				      policy_dir, ents[i]->d_name,
				      strerror(ENAMETOOLONG));
		if (!ret)
			ret = dg_load_file(cfg, path, DG_POLICY_FILE, err, size);
		free(ents[i]);
	}
	free(ents);
	if (ret) {
		dg_config_free(cfg);
		return ret;
	}
	*out = cfg;
	return 0;
}

/* --- the configuration directory and its warnings ------------------------ */

static int dg_warn(struct dg_config *cfg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int dg_warn(struct dg_config *cfg, const char *fmt, ...)
{
	char **w;
	va_list ap;
	int n;

	w = realloc(cfg->warnings, (cfg->nwarnings + 1) * sizeof(*w));
	if (!w)
		return -ENOMEM;
	cfg->warnings = w;
	va_start(ap, fmt);
	n = vasprintf(&w[cfg->nwarnings], fmt, ap);
	va_end(ap);
	if (n < 0)
		return -ENOMEM;
	cfg->nwarnings++;
	return 0;
}

/* A directory that must be there and be listable, or the error saying why. */
static int dg_check_dir(const char *path, const char *what, char *err,
			size_t size)
{
	struct stat st;

	if (stat(path, &st))
		return dg_errf(err, size, -errno, "%s %s: %s", what, path,
			       strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return dg_errf(err, size, -ENOTDIR, "%s %s: %s", what, path,
			       strerror(ENOTDIR));
	if (access(path, R_OK | X_OK))
		return dg_errf(err, size, -errno, "%s %s: %s", what, path,
			       strerror(errno));
	return 0;
}

int dg_config_load_dir(const char *dir, struct dg_config **out, char *err,
		       size_t size)
{
	char daemon_file[DG_PATH_MAX], policy_dir[DG_PATH_MAX];
	bool have_daemon = true;
	struct dg_config *cfg;
	struct stat st;
	int ret;

	if (snprintf(daemon_file, sizeof(daemon_file), "%s/driftguard.conf",
		     dir) >= (int)sizeof(daemon_file) ||
	    snprintf(policy_dir, sizeof(policy_dir), "%s/policy.d",
		     dir) >= (int)sizeof(policy_dir))
		return dg_errf(err, size, -ENAMETOOLONG, "%s: %s", dir,
			       strerror(ENAMETOOLONG));
	ret = dg_check_dir(dir, "the configuration directory", err, size);
	if (ret)
		return ret;
	ret = dg_check_dir(policy_dir, "the policy directory", err, size);
	if (ret)
		return ret;
	/* Only "not there" means defaults; EACCES, ELOOP... are errors. */
	if (lstat(daemon_file, &st)) {
		if (errno != ENOENT)
			return dg_errf(err, size, -errno, "%s: %s", daemon_file,
				       strerror(errno));
		have_daemon = false;
	}
	ret = dg_config_load(have_daemon ? daemon_file : NULL, policy_dir, &cfg,
			     err, size);
	if (ret)
		return ret;
	if ((!have_daemon &&
	     dg_warn(cfg, "%s: not found: the built-in [daemon] defaults apply",
		     daemon_file)) ||
	    dg_config_lint(cfg)) {
		dg_config_free(cfg);
		return dg_errf(err, size, -ENOMEM, "out of memory");
	}
	*out = cfg;
	return 0;
}

/*
 * Cgroups of different kinds on a node: a pattern that matches all of them
 * covers the host's own services and sessions as well as every container.
 */
static const char *const dg_cgroup_probes[] = {
	"init.scope", "system.slice", "user.slice", "machine.slice",
	"kubepods.slice", "kubepods",
};

static bool dg_matches_every_cgroup(const char *pattern)
{
	size_t i;

	for (i = 0; i < DG_COUNT(dg_cgroup_probes); i++)
		if (fnmatch(pattern, dg_cgroup_probes[i], FNM_PATHNAME))
			return false;
	return true;
}

/* Whether any class of @pol can be refused, so that "blocked" can happen. */
static bool dg_can_block(const struct dg_policy *pol)
{
	return pol->mode == DRIFTGUARD_MODE_PREVENT ||
	       pol->memfd == DRIFTGUARD_MODE_PREVENT ||
	       pol->volume == DRIFTGUARD_MODE_PREVENT || pol->deny.n ||
	       pol->userns == DRIFTGUARD_MODE_PREVENT ||
	       pol->execmem == DRIFTGUARD_MODE_PREVENT ||
	       pol->procmem == DRIFTGUARD_MODE_PREVENT;
}

static bool dg_can_alert(const struct dg_policy *pol)
{
	return pol->mode == DRIFTGUARD_MODE_DETECT ||
	       pol->memfd == DRIFTGUARD_MODE_DETECT ||
	       pol->volume == DRIFTGUARD_MODE_DETECT ||
	       pol->mmap == DRIFTGUARD_MODE_DETECT ||
	       pol->userns == DRIFTGUARD_MODE_DETECT ||
	       pol->execmem == DRIFTGUARD_MODE_DETECT ||
	       pol->procmem == DRIFTGUARD_MODE_DETECT;
}

static int dg_lint_response(struct dg_config *cfg, const struct dg_policy *pol)
{
	const char *r = dg_response_name(pol->response);
	int err = 0;

	if (pol->response == DG_RESPONSE_NONE) {
		if (pol->response_on != DG_ON_BLOCKED)
			err = dg_warn(cfg, "%s:%d: [policy %s]: response_on is set "
				      "but response = none: nothing acts",
				      pol->file, pol->line, pol->name);
		return err;
	}
	if (pol->response_on == DG_ON_BLOCKED && !dg_can_block(pol))
		err = dg_warn(cfg, "%s:%d: [policy %s]: response = %s never "
			      "runs: it acts on blocked programs, and no mode is "
			      "prevent (or deny) and the deny list is empty",
			      pol->file, pol->line, pol->name, r);
	if (!err && (pol->response_on & DG_ON_ALERTED))
		err = dg_warn(cfg, "%s:%d: [policy %s]: response = %s acts on "
			      "alerts: programs that were allowed to run%s",
			      pol->file, pol->line, pol->name, r,
			      dg_can_alert(pol) ? "" :
			      " (but no mode is detect: nothing is alerted)");
	if (!err && (pol->response_on & DG_ON_WATCHED))
		err = dg_warn(cfg, "%s:%d: [policy %s]: response = %s acts on "
			      "every start of a watched program%s", pol->file,
			      pol->line, pol->name, r, pol->watch.n ? "" :
			      " (but the watch list is empty)");
	return err;
}

int dg_config_lint(struct dg_config *cfg)
{
	const struct dg_daemon_config *d = &cfg->daemon;
	size_t i;
	int err = 0;

	if (!cfg->npolicies)
		err = dg_warn(cfg, "no [policy] in any policy.d/*.conf: the "
			      "daemon deletes every policy in the kernel and "
			      "nothing is judged");
	if (!err && !d->log_json[0] && !d->journald && !d->syslog &&
	    !d->json_stdout)
		err = dg_warn(cfg, "[daemon]: log_json is empty and journald, "
			      "syslog and stdout are off: events are written "
			      "nowhere");
	for (i = 0; !err && i < cfg->npolicies; i++) {
		const struct dg_policy *pol = &cfg->policies[i];

		if (dg_matches_every_cgroup(pol->cgroup))
			err = dg_warn(cfg, "%s:%d: [policy %s]: cgroup = %s "
				      "matches every cgroup, the host's services "
				      "and sessions too", pol->file, pol->line,
				      pol->name, pol->cgroup);
		if (!err)
			err = dg_lint_response(cfg, pol);
		for (int j = 0; !err && j < pol->allow.n; j++)
			if (!strchr(pol->allow.v[j], '/'))
				err = dg_warn(cfg, "%s:%d: [policy %s]: allow '%s' is "
					      "a file name, which allows nothing: "
					      "name the file by its full path in the "
					      "container's rootfs", pol->file,
					      pol->line, pol->name, pol->allow.v[j]);
		for (int j = 0; !err && j < pol->deny.n; j++) {
			const char *e = pol->deny.v[j], *bins = dg_multicall_of(e);

			if (bins)
				err = dg_warn(cfg, "%s:%d: [policy %s]: deny '%s' "
					      "cannot hold in an image with %s: the "
					      "applet runs with no file named %s; deny "
					      "the multi-call binary too (%s), or keep "
					      "it out of the image", pol->file,
					      pol->line, pol->name, e, bins, e, bins);
		}
	}
	return err ? -ENOMEM : 0;
}

/* --- printing ----------------------------------------------------------- */

static void dg_print_list(FILE *out, const char *key, const struct dg_list *l)
{
	int i;

	if (!l->n)
		fprintf(out, "%s =\n", key);
	for (i = 0; i < l->n; i++)
		fprintf(out, "%s = %s\n", key, l->v[i]);
}

static void dg_print_str(FILE *out, const struct dg_key *k, const void *f)
{
	if (**(char *const *)f)
		fprintf(out, "%s = %s\n", k->name, *(char *const *)f);
	else
		fprintf(out, "%s =\n", k->name);
}

static void dg_print_bool(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, *(const bool *)f ? "yes" : "no");
}

static void dg_print_size(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %llu\n", k->name,
		(unsigned long long)*(const uint64_t *)f);
}

static void dg_print_uint(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %u\n", k->name, *(const unsigned int *)f);
}

static void dg_print_mode(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name,
		dg_mode_key_value(dg_mode_key_named(k->name), *(const int *)f));
}

static void dg_print_list_key(FILE *out, const struct dg_key *k, const void *f)
{
	dg_print_list(out, k->name, f);
}

static void dg_print_severity(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_severity_name(*(const int *)f));
}

static void dg_print_response(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_response_name(*(const int *)f));
}

static void dg_print_syslog_format(FILE *out, const struct dg_key *k,
				   const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_syslog_format_name(*(const int *)f));
}

static void dg_print_response_on(FILE *out, const struct dg_key *k,
				 const void *f)
{
	size_t i;

	fprintf(out, "%s =", k->name);
	for (i = 0; i < DG_COUNT(dg_response_ons); i++)
		if (*(const unsigned int *)f & (1u << i))
			fprintf(out, " %s", dg_response_ons[i]);
	fputc('\n', out);
}

/* Enum fields are set and read as int. */
_Static_assert(sizeof(enum dg_severity) == sizeof(int) &&
	       sizeof(enum dg_response) == sizeof(int) &&
	       sizeof(enum dg_syslog_format) == sizeof(int), "enum is not an int");

static const struct dg_type_ops dg_types[] = {
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
};
_Static_assert(sizeof(dg_types) / sizeof(dg_types[0]) == __DG_T_MAX,
	       "a type of key without its parser and printer");

void dg_config_print(const struct dg_config *cfg, FILE *out)
{
	size_t i, k;

	fprintf(out, "# driftguard effective configuration\n[daemon]\n");
	for (k = 0; k < DG_COUNT(dg_daemon_keys); k++)
		dg_types[dg_daemon_keys[k].type].print(out, &dg_daemon_keys[k],
			(const char *)&cfg->daemon + dg_daemon_keys[k].offset);
	for (i = 0; i < cfg->npolicies; i++) {
		const struct dg_policy *pol = &cfg->policies[i];

		fprintf(out, "\n# %s:%d\n[policy %s]\n", pol->file, pol->line,
			pol->name);
		for (k = 0; k < DG_COUNT(dg_policy_keys); k++)
			dg_types[dg_policy_keys[k].type].print(out, &dg_policy_keys[k],
				(const char *)pol + dg_policy_keys[k].offset);
	}
}
