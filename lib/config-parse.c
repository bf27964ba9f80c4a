// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: one configuration file parsed: sections, keys, the INI reader. */
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
#include <sys/socket.h>
#include <ini.h>

#include "config-int.h"
#include "context.h"
#include "multicall.h"
#include "names.h"

/* --- one parse ---------------------------------------------------------- */

/* Keeps the first error only: the rest often follow from it. */
int dg_fail(struct dg_parser *p, int line, int err, const char *fmt, ...)
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

int dg_nomem(struct dg_parser *p)
{
	return dg_fail(p, p->line, -ENOMEM, "out of memory");
}

static struct dg_policy *dg_cur(struct dg_parser *p)
{
	return p->section == DG_SEC_POLICY ? &p->pols[p->npols - 1] : NULL;
}

int dg_set_str(struct dg_parser *p, char **field, const char *s)
{
	char *c = strdup(s);

	if (!c)
		return dg_nomem(p);
	free(*field);
	*field = c;
	return 0;
}


/* Where programs write as a matter of course: file drift there is noise. */
static const char *const dg_default_excludes[] = {
	"/tmp", "/var/tmp", "/var/log", "/run", "/proc",
};

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
	return dg_policy_default_prefixes(pol, true, true);
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
		nkeys = dg_ndaemon_keys;
		base = (char *)&p->daemon;
		break;
	case DG_SEC_POLICY:
		keys = dg_policy_keys;
		nkeys = dg_npolicy_keys;
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
	if ((keys[k].type == DG_T_PREFIXES ||
	     keys[k].type == DG_T_ROOTFS_PREFIXES) && !p->seen[k]) {
		/* The first files_exclude (writable, config) replaces the default. */
		dg_list_free((struct dg_list *)(base + keys[k].offset));
	} else if (p->seen[k] && keys[k].type != DG_T_PATTERNS &&
		   keys[k].type != DG_T_PREFIXES &&
		   keys[k].type != DG_T_ROOTFS_PREFIXES) {
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
	free(d->metrics_listen);
	free(d->metrics_textfile);
	free(d->docker_root);
	free(d->containerd_state);
	free(d->crio_state);
	free(d->podman_root);
	free(d->capture_dir);
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
	d->metrics_listen = strdup("");
	d->metrics_textfile = strdup("");
	d->docker_root = strdup(DG_DOCKER_ROOT);
	d->containerd_state = strdup(DG_CONTAINERD_STATE);
	d->crio_state = strdup(DG_CRIO_STATE);
	d->podman_root = strdup(DG_PODMAN_ROOT);
	d->capture_dir = strdup("/var/lib/driftguard/captures");
	d->capture_max_entries = 10000;
	d->capture_max_bytes = 16ULL << 20;
	d->capture_keep = 100;
	if (!d->capture_dir ||
	    !d->log_json || !d->syslog_socket || !d->state_dir ||
	    !d->quarantine_dir || !d->metrics_listen || !d->metrics_textfile ||
	    !d->docker_root || !d->containerd_state || !d->crio_state ||
	    !d->podman_root) {
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

/*
 * What the keys of a daemon file must agree on, said at the line of the key
 * that is wrong: a metrics endpoint that others than this node can reach
 * only when metrics_remote says so, whichever of the two comes first.
 */
static int dg_daemon_end(struct dg_parser *p)
{
	struct sockaddr_storage ss;
	bool loopback = true;
	size_t k;

	if (!p->daemon.metrics_listen[0] || p->daemon.metrics_remote ||
	    dg_listen_parse(p->daemon.metrics_listen, &ss, &loopback) || loopback)
		return 0;
	for (k = 0; strcmp(dg_daemon_keys[k].name, "metrics_listen"); k++)
		;
	return dg_fail(p, p->seen[k], -EINVAL,
		       "metrics_listen: '%s' is not a loopback address "
		       "(127.0.0.1, [::1]): other hosts could read the "
		       "metrics; metrics_remote = yes allows it",
		       p->daemon.metrics_listen);
}

int dg_config_parse_daemon(struct dg_config *cfg, const char *name,
			   const char *text, size_t len, char *err, size_t size)
{
	struct dg_parser p;

	dg_parser_init(&p, DG_DAEMON_FILE, cfg, name, text, len, err, size);
	/* Parsed into a copy of the defaults: a failed parse changes nothing. */
	if (dg_daemon_defaults(&p.daemon))
		return dg_nomem(&p);
	if (dg_parse(&p) || dg_daemon_end(&p)) {
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

