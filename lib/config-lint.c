// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: what is valid in a configuration but probably a mistake. */
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

int dg_warn(struct dg_config *cfg, const char *fmt, ...)
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
	       pol->metadata == DRIFTGUARD_MODE_PREVENT ||
	       pol->userns == DRIFTGUARD_MODE_PREVENT ||
	       pol->execmem == DRIFTGUARD_MODE_PREVENT ||
	       pol->procmem == DRIFTGUARD_MODE_PREVENT;
}

static bool dg_can_alert(const struct dg_policy *pol)
{
	return pol->mode == DRIFTGUARD_MODE_DETECT ||
	       pol->memfd == DRIFTGUARD_MODE_DETECT ||
	       pol->volume == DRIFTGUARD_MODE_DETECT ||
	       pol->metadata == DRIFTGUARD_MODE_DETECT ||
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
	size_t i, n;
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
	n = strlen(d->metrics_textfile);
	if (!err && n && (n < 5 || strcmp(d->metrics_textfile + n - 5, ".prom")))
		err = dg_warn(cfg, "[daemon]: metrics_textfile %s does not end "
			      "in .prom: node_exporter's textfile collector "
			      "reads only *.prom", d->metrics_textfile);
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

