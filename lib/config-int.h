/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: what the parts of the configuration parser share. */
#ifndef DG_CONFIG_INT_H
#define DG_CONFIG_INT_H

#include <stdarg.h>

#include "config.h"

#define DG_PATH_MAX	4096
#define DG_URL_MAX	2048
#define DG_SECONDS_MAX	86400
#define DG_COUNT_MAX	1000000

#define DG_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Names of the enum values, indexed by them (config-print.c). */
extern const char *const dg_severities[__DG_SEVERITY_MAX];
extern const char *const dg_responses[__DG_RESPONSE_MAX];
extern const char *const dg_response_ons[3];	/* bit i of response_on */
extern const char *const dg_syslog_formats[__DG_SYSLOG_MAX];

/* --- values (config-values.c) ----------------------------------------- */

/*
 * A decimal number into *@out; with @units, K, M or G may follow for
 * 1024^1..3. 0, -EINVAL (not such a number) or -ERANGE (over 64 bits).
 */
int dg_parse_uint(const char *s, bool units, uint64_t *out);
/*
 * A cgroup pattern, relative to the cgroup2 mount: no leading or trailing
 * '/', no empty, "." or ".." component (they would make two spellings of
 * one cgroup, or leave the mount), shorter than DG_PATH_MAX.
 */
bool dg_cgroup_ok(const char *s);
/* An http:// or https:// URL with a host part, no blank or control byte. */
bool dg_url_ok(const char *s);
/*
 * The next blank-separated word of *@rest, or NULL at the end: its length
 * in @n, and *@rest moved past it.
 */
const char *dg_word(const char **rest, size_t *n);
/* yes|no, and the spellings other tools use for them: 1, 0 or -1. */
int dg_bool_parse(const char *v);

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
	DG_T_LISTEN,		/* char *, ADDRESS:PORT or "" */
	DG_T_NETRULES,		/* struct dg_list, module/netrule.h entries */
	DG_T_LOOPBACK,		/* int loopback_judged: yes (exempt) or no */
	DG_T_ROOTFS_PREFIXES,	/* struct dg_list, dg_prefix_check() */
	DG_T_COUNT,		/* unsigned int, 1 to DG_COUNT_MAX */
	DG_T_CAPTURE_SIZE,	/* uint64_t, a SIZE of 4K to 1G */
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

extern const struct dg_type_ops dg_types[];

/* The keys of each file, in the order of the documentation (config-keys.c). */
#define DG_KEYS_MAX 32
extern const struct dg_key dg_daemon_keys[];
extern const size_t dg_ndaemon_keys;
extern const struct dg_key dg_policy_keys[];
extern const size_t dg_npolicy_keys;

/* In the order of the documentation and of dg_config_print. */
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


/* config-parse.c: the parser's errors and strings */
int dg_fail(struct dg_parser *p, int line, int err, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
int dg_nomem(struct dg_parser *p);
/* Replaces the string *@field by a copy of @s. */
int dg_set_str(struct dg_parser *p, char **field, const char *s);

/* config-print.c: the printer of each type of key */
void dg_print_str(FILE *out, const struct dg_key *k, const void *f);
void dg_print_bool(FILE *out, const struct dg_key *k, const void *f);
void dg_print_size(FILE *out, const struct dg_key *k, const void *f);
void dg_print_uint(FILE *out, const struct dg_key *k, const void *f);
void dg_print_mode(FILE *out, const struct dg_key *k, const void *f);
void dg_print_list_key(FILE *out, const struct dg_key *k, const void *f);
void dg_print_severity(FILE *out, const struct dg_key *k, const void *f);
void dg_print_response(FILE *out, const struct dg_key *k, const void *f);
void dg_print_syslog_format(FILE *out, const struct dg_key *k, const void *f);
void dg_print_response_on(FILE *out, const struct dg_key *k, const void *f);

/* config-lint.c: a warning for dg_config_lint and the loader */
int dg_warn(struct dg_config *cfg, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif /* DG_CONFIG_INT_H */
