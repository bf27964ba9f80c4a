// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: one policy, its rules, and its netlink form. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/genl/genl.h>

#include "names.h"
#include "policy.h"
#include "../module/netrule.h"

void dg_list_free(struct dg_list *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int dg_list_add(struct dg_list *l, const char *s, size_t len)
{
	char **v, *e;

	e = strndup(s, len);
	if (!e)
		return -ENOMEM;
	v = realloc(l->v, (l->n + 1) * sizeof(*v));
	if (!v) {
		free(e);
		return -ENOMEM;
	}
	v[l->n++] = e;
	l->v = v;
	return 0;
}

void dg_policy_free(struct dg_policy *pol)
{
	free(pol->name);
	free(pol->cgroup);
	free(pol->file);
	free(pol->runbook);
	dg_list_free(&pol->allow);
	dg_list_free(&pol->deny);
	dg_list_free(&pol->watch);
	dg_list_free(&pol->listen_allow);
	dg_list_free(&pol->connect_allow);
	dg_list_free(&pol->writable);
	dg_list_free(&pol->config);
	dg_list_free(&pol->files_exclude);
	memset(pol, 0, sizeof(*pol));
}

/* --- modes -------------------------------------------------------------- */

#define DG_MKEY(n, a, m, d) \
	{ #n, DRIFTGUARD_A_##a, offsetof(struct dg_policy, n), \
	  DRIFTGUARD_MODE_##m, d }
const struct dg_mode_key dg_mode_keys[DG_MODE_KEYS] = {
	DG_MKEY(mode, MODE, PREVENT, false),
	DG_MKEY(memfd, MEMFD, PREVENT, false),
	DG_MKEY(volume, VOLUME, PREVENT, false),
	DG_MKEY(metadata, METADATA, PREVENT, false),
	DG_MKEY(mmap, MMAP, PREVENT, false),
	DG_MKEY(files, FILES, PREVENT, false),
	DG_MKEY(userns, USERNS, PREVENT, true),
	DG_MKEY(execmem, EXECMEM, PREVENT, true),
	DG_MKEY(procmem, PROCMEM, PREVENT, true),
	DG_MKEY(listen, LISTEN, PREVENT, false),
	DG_MKEY(connect, CONNECT, PREVENT, false),
};

const struct dg_mode_key *dg_mode_key_named(const char *name)
{
	size_t i;

	for (i = 0; i < DG_MODE_KEYS; i++)
		if (!strcmp(dg_mode_keys[i].name, name))
			return &dg_mode_keys[i];
	return NULL;
}

const struct dg_mode_key *dg_mode_key_of_attr(int attr)
{
	size_t i;

	for (i = 0; i < DG_MODE_KEYS; i++)
		if (dg_mode_keys[i].attr == attr)
			return &dg_mode_keys[i];
	return NULL;
}

int dg_mode_key_parse(const struct dg_mode_key *k, const char *value)
{
	int m = k->deny && !strcmp(value, "deny") ? DRIFTGUARD_MODE_PREVENT :
		dg_mode_parse(value);

	return m > k->max ? -1 : m;
}

const char *dg_mode_key_value(const struct dg_mode_key *k, int mode)
{
	return k && k->deny && mode == DRIFTGUARD_MODE_PREVENT ? "deny" :
	       dg_mode_name(mode);
}

const char *dg_mode_key_accepts(const struct dg_mode_key *k)
{
	if (k->max == DRIFTGUARD_MODE_DETECT)
		return "off or detect";
	return k->deny ? "off, detect or deny" : "off, detect or prevent";
}

int dg_policy_mode(const struct dg_policy *pol, const struct dg_mode_key *k)
{
	return *(const int *)((const char *)pol + k->offset);
}

int *dg_policy_mode_ptr(struct dg_policy *pol, const struct dg_mode_key *k)
{
	return (int *)((char *)pol + k->offset);
}

/* --- responses ---------------------------------------------------------- */

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

/* --- pattern rules ------------------------------------------------------ */

#define DG_STR(x)	#x
#define DG_XSTR(x)	DG_STR(x)

_Static_assert(DRIFTGUARD_PATTERN_MAX == 256 && DRIFTGUARD_LIST_MAX == 64,
	       "the module's messages below name the limits: update them");

const struct dg_pattern_rule dg_pattern_rules[__DG_RULE_MAX] = {
	[DG_RULE_LENGTH] = { "pattern-too-long", -E2BIG,
			     "pattern longer than 255 bytes" },
	[DG_RULE_EMPTY] = { "empty-pattern", -EINVAL, "empty pattern" },
	[DG_RULE_SLASH] = { "relative-path-pattern", -EINVAL,
			    "a pattern with '/' must be an absolute path" },
	[DG_RULE_COUNT] = { "too-many-patterns", -E2BIG,
			    "too many entries in the list (at most "
			    DG_XSTR(DRIFTGUARD_LIST_MAX) ")" },
};

int dg_pattern_check(int n, const char *s, size_t len)
{
	if (len >= DRIFTGUARD_PATTERN_MAX)
		return DG_RULE_LENGTH;
	if (!len)
		return DG_RULE_EMPTY;
	if (*s != '/' && memchr(s, '/', len))
		return DG_RULE_SLASH;
	if (n >= DRIFTGUARD_LIST_MAX)
		return DG_RULE_COUNT;
	return -1;
}

void dg_pattern_explain(int rule, const char *key, const char *s, size_t len,
			char *buf, size_t size)
{
	switch (rule) {
	case DG_RULE_LENGTH:
		snprintf(buf, size, "%s: '%.32s...' is longer than %d bytes",
			 key, s, DRIFTGUARD_PATTERN_MAX - 1);
		break;
	case DG_RULE_EMPTY:
		snprintf(buf, size, "%s: empty pattern", key);
		break;
	case DG_RULE_SLASH:
		snprintf(buf, size, "%s: '%.*s' has a '/' but is not an absolute path",
			 key, (int)len, s);
		break;
	default:
		snprintf(buf, size, "%s: more than %d entries", key,
			 DRIFTGUARD_LIST_MAX);
		break;
	}
}

/* --- network entries ---------------------------------------------------- */

const char *dg_netrule_check(int attr, int n, const char *s)
{
	struct dg_port_rule port;
	struct dg_addr_rule addr;
	const char *why;

	if (strlen(s) >= DG_NETRULE_MAX)
		return "network entry longer than 79 bytes";
	why = attr == DRIFTGUARD_A_LISTEN_ALLOW ?
	      dg_netrule_port_parse(s, &port) : dg_netrule_addr_parse(s, &addr);
	if (why)
		return why;
	if (n >= DRIFTGUARD_LIST_MAX)
		return dg_pattern_rules[DG_RULE_COUNT].kernel;
	return NULL;
}

/* --- rootfs prefixes (files) -------------------------------------------- */

const char *dg_prefix_check(const char *key, int n, const char *s, size_t len,
			    char *buf, size_t size)
{
	int rule = dg_pattern_check(0, s, len);

	if (rule >= 0)
		dg_pattern_explain(rule, key, s, len, buf, size);
	else if (*s != '/')
		snprintf(buf, size, "%s: '%.*s' is not an absolute path", key,
			 (int)len, s);
	else if (len > 1 && s[len - 1] == '/')
		snprintf(buf, size, "%s: '%.*s' ends in '/'", key, (int)len, s);
	else if (n >= DRIFTGUARD_PREFIX_LIST_MAX)
		snprintf(buf, size, "%s: more than %d entries", key,
			 DRIFTGUARD_PREFIX_LIST_MAX);
	else
		return NULL;
	return buf;
}

/* files = prevent: where a container may still write (Kubernetes practice). */
static const char *const dg_default_writable[] = {
	"/tmp", "/var/tmp", "/run", "/var/cache", "/var/log",
};

/* Where file drift is configuration drift (class config). */
static const char *const dg_default_config[] = { "/etc" };

static int dg_list_defaults(struct dg_list *l, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (dg_list_add(l, v[i], strlen(v[i])))
			return -ENOMEM;
	return 0;
}

int dg_policy_default_prefixes(struct dg_policy *pol, bool writable,
			       bool config)
{
	if (writable &&
	    dg_list_defaults(&pol->writable, dg_default_writable,
			     sizeof(dg_default_writable) /
			     sizeof(dg_default_writable[0])))
		return -ENOMEM;
	if (config &&
	    dg_list_defaults(&pol->config, dg_default_config,
			     sizeof(dg_default_config) /
			     sizeof(dg_default_config[0])))
		return -ENOMEM;
	return 0;
}

/* --- the whole policy --------------------------------------------------- */

struct dg_policy_list {
	const char *name;
	int attr;
	size_t offset;
	bool prefixes;		/* writable, config: dg_prefix_check() */
};

#define DG_PLIST(n, a, p) \
	{ #n, DRIFTGUARD_A_##a, offsetof(struct dg_policy, n), p }
static const struct dg_policy_list dg_policy_lists[] = {
	DG_PLIST(allow, ALLOW, false),
	DG_PLIST(deny, DENY, false),
	DG_PLIST(watch, WATCH, false),
	DG_PLIST(listen_allow, LISTEN_ALLOW, false),
	DG_PLIST(connect_allow, CONNECT_ALLOW, false),
	DG_PLIST(writable, WRITABLE, true),
	DG_PLIST(config, CONFIG, true),
};
#define DG_POLICY_LISTS (sizeof(dg_policy_lists) / sizeof(dg_policy_lists[0]))

static const struct dg_list *dg_list_of(const struct dg_policy *pol,
					const struct dg_policy_list *pl)
{
	return (const struct dg_list *)((const char *)pol + pl->offset);
}

int dg_policy_validate(const struct dg_policy *pol, char *err, size_t size)
{
	const struct dg_list *l;
	size_t i;
	int j, m, rule;

	for (i = 0; i < DG_MODE_KEYS; i++) {
		m = dg_policy_mode(pol, &dg_mode_keys[i]);
		if (m < DRIFTGUARD_MODE_OFF || m > dg_mode_keys[i].max) {
			snprintf(err, size, "%s: %d is not %s", dg_mode_keys[i].name,
				 m, dg_mode_key_accepts(&dg_mode_keys[i]));
			return -EINVAL;
		}
	}
	if (pol->loopback_judged < 0 || pol->loopback_judged > 1) {
		snprintf(err, size, "loopback: %d is not yes or no",
			 pol->loopback_judged);
		return -EINVAL;
	}
	for (i = 0; i < DG_POLICY_LISTS; i++) {
		l = dg_list_of(pol, &dg_policy_lists[i]);
		for (j = 0; j < l->n; j++) {
			const char *why;

			if (dg_policy_lists[i].attr == DRIFTGUARD_A_LISTEN_ALLOW ||
			    dg_policy_lists[i].attr == DRIFTGUARD_A_CONNECT_ALLOW) {
				why = dg_netrule_check(dg_policy_lists[i].attr,
						       j, l->v[j]);
				if (!why)
					continue;
				snprintf(err, size, "%s: '%s': %s",
					 dg_policy_lists[i].name, l->v[j], why);
				return j >= DRIFTGUARD_LIST_MAX ? -E2BIG : -EINVAL;
			}
			if (dg_policy_lists[i].prefixes) {
				if (!dg_prefix_check(dg_policy_lists[i].name, j,
						     l->v[j], strlen(l->v[j]),
						     err, size))
					continue;
				return strstr(err, "more than") ||
				       strstr(err, "longer") ? -E2BIG : -EINVAL;
			}
			rule = dg_pattern_check(j, l->v[j], strlen(l->v[j]));
			if (rule >= 0) {
				dg_pattern_explain(rule, dg_policy_lists[i].name,
						   l->v[j], strlen(l->v[j]),
						   err, size);
				return dg_pattern_rules[rule].err;
			}
		}
	}
	return 0;
}

int dg_policy_encode(struct nl_msg *msg, const struct dg_policy *pol)
{
	const struct dg_list *l;
	struct nlattr *nest;
	char why[256];
	size_t i;
	int j, m;

	if (dg_policy_validate(pol, why, sizeof(why)))
		return -EINVAL;
	for (i = 0; i < DG_MODE_KEYS; i++) {
		m = dg_policy_mode(pol, &dg_mode_keys[i]);
		if (m != DRIFTGUARD_MODE_OFF &&
		    nla_put_u8(msg, dg_mode_keys[i].attr, (uint8_t)m))
			return -EMSGSIZE;
	}
	if (pol->loopback_judged &&
	    nla_put_u8(msg, DRIFTGUARD_A_LOOPBACK, 1))
		return -EMSGSIZE;
	for (i = 0; i < DG_POLICY_LISTS; i++) {
		l = dg_list_of(pol, &dg_policy_lists[i]);
		if (!l->n)
			continue;
		nest = nla_nest_start(msg, dg_policy_lists[i].attr);
		if (!nest)
			return -EMSGSIZE;
		for (j = 0; j < l->n; j++)
			if (nla_put_string(msg, DRIFTGUARD_A_PATTERN, l->v[j]))
				return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	return 0;
}

int dg_policy_decode(struct nlattr **tb, struct dg_policy *pol,
		     uint64_t *cgroup_id)
{
	struct nlattr *e;
	size_t i;
	int rem;

	memset(pol, 0, sizeof(*pol));
	if (cgroup_id)
		*cgroup_id = tb[DRIFTGUARD_A_CGROUP_ID] ?
			     nla_get_u64(tb[DRIFTGUARD_A_CGROUP_ID]) : 0;
	for (i = 0; i < DG_MODE_KEYS; i++)
		if (tb[dg_mode_keys[i].attr])
			*dg_policy_mode_ptr(pol, &dg_mode_keys[i]) =
				nla_get_u8(tb[dg_mode_keys[i].attr]);
	if (tb[DRIFTGUARD_A_LOOPBACK])
		pol->loopback_judged = nla_get_u8(tb[DRIFTGUARD_A_LOOPBACK]);
	for (i = 0; i < DG_POLICY_LISTS; i++) {
		struct dg_list *l = (struct dg_list *)((char *)pol +
						       dg_policy_lists[i].offset);

		if (!tb[dg_policy_lists[i].attr])
			continue;
		nla_for_each_nested(e, tb[dg_policy_lists[i].attr], rem) {
			const char *s = nla_get_string(e);

			if (dg_list_add(l, s, strlen(s))) {
				dg_policy_free(pol);
				return -ENOMEM;
			}
		}
	}
	return 0;
}

static bool dg_list_same(const struct dg_list *a, const struct dg_list *b)
{
	int i;

	if (a->n != b->n)
		return false;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			return false;
	return true;
}

bool dg_policy_same(const struct dg_policy *a, const struct dg_policy *b)
{
	size_t i;

	for (i = 0; i < DG_MODE_KEYS; i++)
		if (dg_policy_mode(a, &dg_mode_keys[i]) !=
		    dg_policy_mode(b, &dg_mode_keys[i]))
			return false;
	if (a->loopback_judged != b->loopback_judged)
		return false;
	for (i = 0; i < DG_POLICY_LISTS; i++)
		if (!dg_list_same(dg_list_of(a, &dg_policy_lists[i]),
				  dg_list_of(b, &dg_policy_lists[i])))
			return false;
	return true;
}
