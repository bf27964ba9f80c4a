// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the names of configuration values, and the effective configuration printed. */
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

#include "config-int.h"
#include "multicall.h"
#include "names.h"

const char *const dg_severities[__DG_SEVERITY_MAX] = {
	[DG_SEVERITY_HIGH] = "high",
	[DG_SEVERITY_MEDIUM] = "medium",
	[DG_SEVERITY_LOW] = "low",
	[DG_SEVERITY_INFO] = "info",
};

const char *const dg_responses[__DG_RESPONSE_MAX] = {
	[DG_RESPONSE_NONE] = "none",
	[DG_RESPONSE_KILL] = "kill",
	[DG_RESPONSE_STOP] = "stop",
	[DG_RESPONSE_PAUSE] = "pause",
};

/* Bit i of response_on is dg_response_ons[i]. */
const char *const dg_response_ons[3] = {
	"blocked", "alerted", "watched",
};

const char *const dg_syslog_formats[__DG_SYSLOG_MAX] = {
	[DG_SYSLOG_LOCAL] = "local",
	[DG_SYSLOG_RFC5424] = "rfc5424",
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

/* --- printing ----------------------------------------------------------- */

static void dg_print_list(FILE *out, const char *key, const struct dg_list *l)
{
	int i;

	if (!l->n)
		fprintf(out, "%s =\n", key);
	for (i = 0; i < l->n; i++)
		fprintf(out, "%s = %s\n", key, l->v[i]);
}

void dg_print_str(FILE *out, const struct dg_key *k, const void *f)
{
	if (**(char *const *)f)
		fprintf(out, "%s = %s\n", k->name, *(char *const *)f);
	else
		fprintf(out, "%s =\n", k->name);
}

void dg_print_bool(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, *(const bool *)f ? "yes" : "no");
}

void dg_print_size(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %llu\n", k->name,
		(unsigned long long)*(const uint64_t *)f);
}

void dg_print_uint(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %u\n", k->name, *(const unsigned int *)f);
}

void dg_print_mode(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name,
		dg_mode_key_value(dg_mode_key_named(k->name), *(const int *)f));
}

void dg_print_list_key(FILE *out, const struct dg_key *k, const void *f)
{
	dg_print_list(out, k->name, f);
}

void dg_print_severity(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_severity_name(*(const int *)f));
}

void dg_print_response(FILE *out, const struct dg_key *k, const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_response_name(*(const int *)f));
}

void dg_print_syslog_format(FILE *out, const struct dg_key *k,
				   const void *f)
{
	fprintf(out, "%s = %s\n", k->name, dg_syslog_format_name(*(const int *)f));
}

void dg_print_response_on(FILE *out, const struct dg_key *k,
				 const void *f)
{
	size_t i;

	fprintf(out, "%s =", k->name);
	for (i = 0; i < DG_COUNT(dg_response_ons); i++)
		if (*(const unsigned int *)f & (1u << i))
			fprintf(out, " %s", dg_response_ons[i]);
	fputc('\n', out);
}

void dg_config_print(const struct dg_config *cfg, FILE *out)
{
	size_t i, k;

	fprintf(out, "# driftguard effective configuration\n[daemon]\n");
	for (k = 0; k < dg_ndaemon_keys; k++)
		dg_types[dg_daemon_keys[k].type].print(out, &dg_daemon_keys[k],
			(const char *)&cfg->daemon + dg_daemon_keys[k].offset);
	for (i = 0; i < cfg->npolicies; i++) {
		const struct dg_policy *pol = &cfg->policies[i];

		fprintf(out, "\n# %s:%d\n[policy %s]\n", pol->file, pol->line,
			pol->name);
		for (k = 0; k < dg_npolicy_keys; k++)
			dg_types[dg_policy_keys[k].type].print(out, &dg_policy_keys[k],
				(const char *)pol + dg_policy_keys[k].offset);
	}
}

