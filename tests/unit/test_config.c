// SPDX-License-Identifier: GPL-2.0
/* Unit tests: driftguardd's configuration and policy files, and their errors. */
#include <errno.h>
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "config.h"

enum kind { DAEMON, POLICY };

static int parse(struct dg_config *cfg, enum kind kind, const char *name,
		 const char *text, char *err)
{
	if (kind == DAEMON)
		return dg_config_parse_daemon(cfg, name, text, strlen(text), err,
					      DG_CONFIG_ERR_MAX);
	return dg_config_parse_policies(cfg, name, text, strlen(text), err,
					DG_CONFIG_ERR_MAX);
}

static struct dg_config *parse_ok(enum kind kind, const char *text)
{
	struct dg_config *cfg = dg_config_new();
	char err[DG_CONFIG_ERR_MAX];
	int rc;

	assert_non_null(cfg);
	rc = parse(cfg, kind, "t.conf", text, err);
	if (rc)
		fail_msg("unexpected error %d: %s", rc, err);
	return cfg;
}

static void expect_error(enum kind kind, const char *text, const char *msg)
{
	struct dg_config *cfg = dg_config_new();
	char err[DG_CONFIG_ERR_MAX];

	assert_non_null(cfg);
	assert_int_equal(parse(cfg, kind, "t.conf", text, err), -EINVAL);
	assert_string_equal(err, msg);
	dg_config_free(cfg);
}

static void expect_list(const struct dg_list *l, const char *const *v, int n)
{
	int i;

	assert_int_equal(l->n, n);
	for (i = 0; i < n; i++)
		assert_string_equal(l->v[i], v[i]);
}

/* --- valid files -------------------------------------------------------- */

static void daemon_file_sets_every_key(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON,
		"[daemon]\n"
		"log_json = /var/log/dg.jsonl\n"
		"journald = no\n"
		"syslog = yes\n"
		"syslog_socket = /run/syslog.sock\n"
		"syslog_format = rfc5424\n"
		"state_dir = /var/lib/dg\n"
		"quarantine_dir = /srv/quarantine\n"
		"quarantine = yes\n"
		"quarantine_max_bytes = 2G\n"
		"throttle_window = 0\n"
		"max_log_bytes = 512K\n"
		"log_keep = 12\n"
		"metrics_listen = [::1]:9464\n"
		"metrics_textfile = /var/lib/node_exporter/driftguard.prom\n"
		"docker_root = /srv/docker\n"
		"containerd_state = /run/k3s/containerd\n"
		"crio_state = /run/crio-storage\n"
		"podman_root = /srv/containers\n");
	assert_string_equal(cfg->daemon.log_json, "/var/log/dg.jsonl");
	assert_false(cfg->daemon.journald);
	assert_true(cfg->daemon.syslog);
	assert_string_equal(cfg->daemon.syslog_socket, "/run/syslog.sock");
	assert_int_equal(cfg->daemon.syslog_format, DG_SYSLOG_RFC5424);
	assert_string_equal(cfg->daemon.state_dir, "/var/lib/dg");
	assert_string_equal(cfg->daemon.quarantine_dir, "/srv/quarantine");
	assert_true(cfg->daemon.quarantine);
	assert_int_equal(cfg->daemon.quarantine_max_bytes, 2ULL << 30);
	assert_int_equal(cfg->daemon.throttle_window, 0);
	assert_int_equal(cfg->daemon.max_log_bytes, 512ULL << 10);
	assert_int_equal(cfg->daemon.log_keep, 12);
	assert_string_equal(cfg->daemon.metrics_listen, "[::1]:9464");
	assert_false(cfg->daemon.metrics_remote);
	assert_string_equal(cfg->daemon.metrics_textfile,
			    "/var/lib/node_exporter/driftguard.prom");
	assert_string_equal(cfg->daemon.docker_root, "/srv/docker");
	assert_string_equal(cfg->daemon.containerd_state, "/run/k3s/containerd");
	assert_string_equal(cfg->daemon.crio_state, "/run/crio-storage");
	assert_string_equal(cfg->daemon.podman_root, "/srv/containers");
	assert_int_equal(cfg->npolicies, 0);
	dg_config_free(cfg);
}

static void daemon_keys_not_given_keep_their_defaults(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON, "[daemon]\nsyslog = yes\n");
	assert_true(cfg->daemon.syslog);
	assert_string_equal(cfg->daemon.log_json, "/var/log/driftguard/events.jsonl");
	assert_true(cfg->daemon.journald);
	assert_string_equal(cfg->daemon.syslog_socket, "/dev/log");
	assert_int_equal(cfg->daemon.syslog_format, DG_SYSLOG_LOCAL);
	assert_string_equal(cfg->daemon.state_dir, "/var/lib/driftguard");
	assert_string_equal(cfg->daemon.quarantine_dir,
			    "/var/lib/driftguard/quarantine");
	assert_false(cfg->daemon.quarantine);
	assert_int_equal(cfg->daemon.quarantine_max_bytes, 64ULL << 20);
	assert_int_equal(cfg->daemon.throttle_window, 300);
	assert_int_equal(cfg->daemon.log_keep, 5);
	assert_int_equal(cfg->daemon.max_log_bytes, 100ULL << 20);
	assert_string_equal(cfg->daemon.metrics_listen, "");
	assert_false(cfg->daemon.metrics_remote);
	assert_string_equal(cfg->daemon.metrics_textfile, "");
	dg_config_free(cfg);
}

/* Others than this node read the metrics only when metrics_remote says so. */
static void capture_keys_are_parsed_with_their_defaults_and_bounds(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON, "[daemon]\n");
	assert_string_equal(cfg->daemon.capture_dir, "/var/lib/driftguard/captures");
	assert_int_equal(cfg->daemon.capture_max_entries, 10000);
	assert_int_equal(cfg->daemon.capture_max_bytes, 16 << 20);
	assert_int_equal(cfg->daemon.capture_keep, 100);
	dg_config_free(cfg);
	cfg = parse_ok(DAEMON, "[daemon]\ncapture_dir = /srv/cap\n"
		       "capture_max_entries = 5\ncapture_max_bytes = 64K\n"
		       "capture_keep = 3\n");
	assert_string_equal(cfg->daemon.capture_dir, "/srv/cap");
	assert_int_equal(cfg->daemon.capture_max_entries, 5);
	assert_int_equal(cfg->daemon.capture_max_bytes, 64 << 10);
	assert_int_equal(cfg->daemon.capture_keep, 3);
	dg_config_free(cfg);
	expect_error(DAEMON, "[daemon]\ncapture_max_entries = 0\n",
		     "t.conf:2: capture_max_entries: '0' is not a number from 1 to 1000000");
	expect_error(DAEMON, "[daemon]\ncapture_keep = 1000001\n",
		     "t.conf:2: capture_keep: '1000001' is not a number from 1 to 1000000");
	expect_error(DAEMON, "[daemon]\ncapture_max_bytes = 1K\n",
		     "t.conf:2: capture_max_bytes: '1K' is not a size from 4K to 1G");
}

static void capture_and_require_digest_are_off_unless_a_policy_says_yes(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY, "[policy a]\ncgroup = a\n"
		       "[policy b]\ncgroup = b\ncapture = yes\nrequire_digest = yes\n");
	assert_false(cfg->policies[0].capture);
	assert_false(cfg->policies[0].require_digest);
	assert_true(cfg->policies[1].capture);
	assert_true(cfg->policies[1].require_digest);
	dg_config_free(cfg);
	expect_error(POLICY, "[policy a]\ncgroup = a\ncapture = maybe\n",
		     "t.conf:3: capture: 'maybe' is not yes or no (or true, false, on, off, 1, 0)");
}

static void metrics_listen_takes_a_remote_address_only_with_metrics_remote(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON, "[daemon]\nmetrics_remote = yes\n"
		       "metrics_listen = 0.0.0.0:9464\n");
	assert_string_equal(cfg->daemon.metrics_listen, "0.0.0.0:9464");
	assert_true(cfg->daemon.metrics_remote);
	dg_config_free(cfg);
	cfg = parse_ok(DAEMON, "[daemon]\nmetrics_listen = 127.1.2.3:1\n");
	assert_string_equal(cfg->daemon.metrics_listen, "127.1.2.3:1");
	dg_config_free(cfg);
}

static void empty_log_json_turns_the_json_log_off(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON, "[daemon]\nlog_json =\n");
	assert_string_equal(cfg->daemon.log_json, "");
	dg_config_free(cfg);
}

static void policy_file_parses_to_the_expected_policies(void **state)
{
	static const char *const deny[] = { "apt-get", "curl", "/usr/bin/wget" };
	static const char *const allow[] = { "/usr/local/bin/entrypoint" };
	static const char *const watch[] = { "sh", "bash" };
	static const char *const excl[] = { "/data", "/cache" };
	const struct dg_policy *a, *b;
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"; two policies\n"
		"[policy web]\n"
		"cgroup = system.slice/docker-*.scope\n"
		"mode = prevent\n"
		"memfd = prevent\n"
		"volume = detect\n"
		"mmap = prevent\n"
		"files = detect\n"
		"allow = /usr/local/bin/entrypoint\n"
		"deny = apt-get curl /usr/bin/wget\n"
		"watch = sh bash\n"
		"files_exclude = /data /cache\n"
		"severity = medium\n"
		"runbook = https://runbooks.example/drift#web\n"
		"response = kill\n"
		"\n"
		"[policy k8s]\n"
		"cgroup = kubepods.slice\n"
		"mode = detect\n");
	assert_int_equal(cfg->npolicies, 2);
	a = &cfg->policies[0];
	assert_string_equal(a->name, "web");
	assert_string_equal(a->file, "t.conf");
	assert_int_equal(a->line, 2);
	assert_string_equal(a->cgroup, "system.slice/docker-*.scope");
	assert_int_equal(a->mode, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(a->memfd, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(a->volume, DRIFTGUARD_MODE_DETECT);
	assert_int_equal(a->mmap, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(a->files, DRIFTGUARD_MODE_DETECT);
	expect_list(&a->allow, allow, 1);
	expect_list(&a->deny, deny, 3);
	expect_list(&a->watch, watch, 2);
	expect_list(&a->files_exclude, excl, 2);
	assert_int_equal(a->severity, DG_SEVERITY_MEDIUM);
	assert_string_equal(a->runbook, "https://runbooks.example/drift#web");
	assert_int_equal(a->response, DG_RESPONSE_KILL);
	b = &cfg->policies[1];
	assert_string_equal(b->name, "k8s");
	assert_int_equal(b->line, 17);
	assert_string_equal(b->cgroup, "kubepods.slice");
	assert_int_equal(b->mode, DRIFTGUARD_MODE_DETECT);
	dg_config_free(cfg);
}

static void policy_keys_not_given_take_their_defaults(void **state)
{
	static const char *const excl[] = {
		"/tmp", "/var/tmp", "/var/log", "/run", "/proc",
	};
	const struct dg_policy *p;
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY, "[policy min]\ncgroup = system.slice\n");
	p = &cfg->policies[0];
	assert_int_equal(p->mode, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->memfd, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->volume, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->mmap, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->files, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->userns, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->execmem, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->procmem, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->allow.n, 0);
	assert_int_equal(p->deny.n, 0);
	assert_int_equal(p->watch.n, 0);
	expect_list(&p->files_exclude, excl, 5);
	assert_int_equal(p->severity, DG_SEVERITY_HIGH);
	assert_string_equal(p->runbook, "");
	assert_int_equal(p->response, DG_RESPONSE_NONE);
	dg_config_free(cfg);
}

static void hardening_keys_take_off_detect_and_deny_or_its_synonym_prevent(void **state)
{
	const struct dg_policy *p;
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy a]\ncgroup = a\nuserns = deny\nexecmem = detect\n"
		"procmem = off\n"
		"[policy b]\ncgroup = b\nuserns = off\nexecmem = prevent\n"
		"procmem = deny\n");
	p = &cfg->policies[0];
	assert_int_equal(p->userns, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(p->execmem, DRIFTGUARD_MODE_DETECT);
	assert_int_equal(p->procmem, DRIFTGUARD_MODE_OFF);
	p = &cfg->policies[1];
	assert_int_equal(p->userns, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->execmem, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(p->procmem, DRIFTGUARD_MODE_PREVENT);
	/* Hardening only: the drift modes stay off. */
	assert_int_equal(p->mode, DRIFTGUARD_MODE_OFF);
	assert_int_equal(p->mmap, DRIFTGUARD_MODE_OFF);
	dg_config_free(cfg);
}

static void mode_table_names_prevent_deny_for_hardening_keys_only(void **state)
{
	static const char *const deny_keys[] = { "userns", "execmem", "procmem" };
	const struct dg_mode_key *k;
	size_t i;

	(void)state;
	for (i = 0; i < DG_MODE_KEYS; i++) {
		k = &dg_mode_keys[i];
		assert_ptr_equal(dg_mode_key_named(k->name), k);
		assert_ptr_equal(dg_mode_key_of_attr(k->attr), k);
		assert_int_equal(dg_mode_key_parse(k, "off"), DRIFTGUARD_MODE_OFF);
		assert_int_equal(dg_mode_key_parse(k, "detect"), DRIFTGUARD_MODE_DETECT);
	}
	for (i = 0; i < 3; i++) {
		k = dg_mode_key_named(deny_keys[i]);
		assert_non_null(k);
		assert_int_equal(dg_mode_key_parse(k, "deny"), DRIFTGUARD_MODE_PREVENT);
		assert_int_equal(dg_mode_key_parse(k, "prevent"), DRIFTGUARD_MODE_PREVENT);
		assert_string_equal(dg_mode_key_value(k, DRIFTGUARD_MODE_PREVENT), "deny");
		assert_string_equal(dg_mode_key_value(k, DRIFTGUARD_MODE_DETECT), "detect");
	}
	k = dg_mode_key_named("mode");
	assert_int_equal(dg_mode_key_parse(k, "deny"), -1);
	assert_string_equal(dg_mode_key_value(k, DRIFTGUARD_MODE_PREVENT), "prevent");
	k = dg_mode_key_named("files");
	assert_int_equal(dg_mode_key_parse(k, "prevent"), DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(dg_mode_key_parse(k, "deny"), -1);
	assert_ptr_equal(dg_mode_key_of_attr(DRIFTGUARD_A_PROCMEM),
			 dg_mode_key_named("procmem"));
	assert_null(dg_mode_key_of_attr(DRIFTGUARD_A_ALLOW));
}

static void repeated_list_keys_append(void **state)
{
	static const char *const deny[] = { "a", "b", "c", "/bin/d" };
	static const char *const watch[] = { "sh" };
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy p]\n"
		"cgroup = x.slice\n"
		"deny = a b\n"
		"watch = sh\n"
		"deny = c\t /bin/d\n"
		"deny =\n");
	expect_list(&cfg->policies[0].deny, deny, 4);
	expect_list(&cfg->policies[0].watch, watch, 1);
	dg_config_free(cfg);
}

static void first_files_exclude_replaces_the_default_and_later_ones_append(void **state)
{
	static const char *const excl[] = { "/scratch", "/cache", "/spool" };
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy a]\ncgroup = a\n"
		"files_exclude = /scratch\nfiles_exclude = /cache /spool\n"
		"[policy b]\ncgroup = b\nfiles_exclude =\n");
	expect_list(&cfg->policies[0].files_exclude, excl, 3);
	assert_int_equal(cfg->policies[1].files_exclude.n, 0);
	dg_config_free(cfg);
}

static void comments_blank_lines_crlf_and_bom_are_accepted(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"\xEF\xBB\xBF# header\r\n"
		"\r\n"
		"  ; indented comment\r\n"
		"[policy p]   ; trailing comment\r\n"
		"  cgroup = a.slice ; inline comment\r\n"
		"mode=detect\r\n");
	assert_string_equal(cfg->policies[0].cgroup, "a.slice");
	assert_int_equal(cfg->policies[0].mode, DRIFTGUARD_MODE_DETECT);
	dg_config_free(cfg);
}

static void boolean_spellings_of_other_tools_are_accepted(void **state)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	struct dg_config *cfg;
	char text[128];
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++) {
		snprintf(text, sizeof(text), "[daemon]\nsyslog = %s\njournald = %s\n",
			 yes[i], no[i]);
		cfg = parse_ok(DAEMON, text);
		assert_true(cfg->daemon.syslog);
		assert_false(cfg->daemon.journald);
		dg_config_free(cfg);
	}
}

static void hash_after_a_blank_starts_an_inline_comment(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy p] # the web tier\n"
		"cgroup = a.slice # its slice\n"
		"deny = curl wget # downloaders\n"
		"runbook = https://wiki.example/drift#steps\n");
	assert_string_equal(cfg->policies[0].cgroup, "a.slice");
	expect_list(&cfg->policies[0].deny, (const char *const[]){ "curl", "wget" }, 2);
	/* No blank before it: part of the value. */
	assert_string_equal(cfg->policies[0].runbook, "https://wiki.example/drift#steps");
	dg_config_free(cfg);
}

static void response_on_defaults_to_blocked_and_takes_a_list(void **state)
{
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy a]\ncgroup = a\nresponse = kill\n"
		"[policy b]\ncgroup = b\nresponse = stop\nresponse_on = watched blocked alerted\n");
	assert_int_equal(cfg->policies[0].response_on, DG_ON_BLOCKED);
	assert_int_equal(cfg->policies[1].response_on,
			 DG_ON_BLOCKED | DG_ON_ALERTED | DG_ON_WATCHED);
	dg_config_free(cfg);
}

/* Which records a response acts on: one row per case. */
static const struct {
	const char *response, *response_on;
	int action, class;
	bool alert_only, acts;
	const char *why;
} response_cases[] = {
	{ "kill", NULL, DRIFTGUARD_ACTION_BLOCKED, DRIFTGUARD_CLASS_UPPER, false, true,
	  "a blocked program, by default" },
	{ "kill", NULL, DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_UPPER, false, false,
	  "an alert under mode = detect, by default" },
	{ "kill", NULL, DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_WATCHED, false, false,
	  "a watched program, by default" },
	{ "kill", NULL, DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_UPPER, true, false,
	  "what alert-only let through, by default" },
	{ "stop", "alerted", DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_UPPER, false, true,
	  "an alert with response_on = alerted" },
	{ "stop", "alerted", DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_UPPER, true, false,
	  "an alert with response_on = alerted, under alert-only" },
	{ "stop", "alerted", DRIFTGUARD_ACTION_BLOCKED, DRIFTGUARD_CLASS_UPPER, false, false,
	  "a blocked program with response_on = alerted only" },
	{ "stop", "alerted", DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_WATCHED, false, false,
	  "a watched program with response_on = alerted" },
	{ "pause", "watched", DRIFTGUARD_ACTION_ALERTED, DRIFTGUARD_CLASS_WATCHED, false, true,
	  "a watched program with response_on = watched" },
	{ "pause", "blocked watched", DRIFTGUARD_ACTION_BLOCKED, DRIFTGUARD_CLASS_MEMFD, false, true,
	  "a blocked memfd with response_on = blocked watched" },
	{ "none", "blocked alerted watched", DRIFTGUARD_ACTION_BLOCKED, DRIFTGUARD_CLASS_UPPER,
	  false, false, "anything with response = none" },
};

static void responses_act_only_on_the_records_response_on_names(void **state)
{
	struct dg_config *cfg;
	char text[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(response_cases) / sizeof(response_cases[0]); i++) {
		snprintf(text, sizeof(text), "[policy p]\ncgroup = p\nresponse = %s\n%s%s\n",
			 response_cases[i].response,
			 response_cases[i].response_on ? "response_on = " : "",
			 response_cases[i].response_on ? response_cases[i].response_on : "");
		cfg = parse_ok(POLICY, text);
		if (dg_response_applies(&cfg->policies[0], response_cases[i].action,
					response_cases[i].class,
					response_cases[i].alert_only) != response_cases[i].acts)
			fail_msg("%s: expected the response %s", response_cases[i].why,
				 response_cases[i].acts ? "to act" : "not to act");
		dg_config_free(cfg);
	}
}

static void empty_files_give_defaults_and_no_policy(void **state)
{
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(DAEMON, "");
	assert_true(cfg->daemon.journald);
	assert_int_equal(parse(cfg, POLICY, "e.conf", "# nothing\n", err), 0);
	assert_int_equal(cfg->npolicies, 0);
	dg_config_free(cfg);
}

static void longest_pattern_and_fullest_list_are_accepted(void **state)
{
	char text[DG_CONFIG_LINE_MAX], pat[DRIFTGUARD_PATTERN_MAX];
	struct dg_config *cfg;
	int i, n;

	(void)state;
	memset(pat, 'x', sizeof(pat) - 1);
	pat[sizeof(pat) - 1] = '\0';
	n = snprintf(text, sizeof(text), "[policy p]\ncgroup = c\ndeny = %s\n", pat);
	for (i = 1; i < DRIFTGUARD_LIST_MAX; i++)
		n += snprintf(text + n, sizeof(text) - n, "deny = d%d\n", i);
	cfg = parse_ok(POLICY, text);
	assert_int_equal(cfg->policies[0].deny.n, DRIFTGUARD_LIST_MAX);
	assert_int_equal(strlen(cfg->policies[0].deny.v[0]),
			 DRIFTGUARD_PATTERN_MAX - 1);
	dg_config_free(cfg);
}

/* --- errors ------------------------------------------------------------- */

struct error_case {
	enum kind kind;
	const char *text;
	const char *msg;
};

static const struct error_case error_cases[] = {
	/* sections */
	{ DAEMON, "[deamon]\n",
	  "t.conf:1: unknown section [deamon] (a daemon file has [daemon] only)" },
	{ DAEMON, "[daemon]\n[policy a]\ncgroup = x\n",
	  "t.conf:2: unknown section [policy a] (a daemon file has [daemon] only)" },
	{ POLICY, "# c\n[daemon]\n",
	  "t.conf:2: unknown section [daemon] (a policy file has [policy NAME] sections only)" },
	{ POLICY, "[policy]\n",
	  "t.conf:1: unknown section [policy] (a policy file has [policy NAME] sections only)" },
	{ POLICY, "[policy a/b]\n",
	  "t.conf:1: policy name 'a/b' is not 1 to 63 of A-Z a-z 0-9 . _ -" },
	{ DAEMON, "\n[daemon\n", "t.conf:2: section header without ']'" },
	{ DAEMON, "[daemon] x = 1\n", "t.conf:1: text after the section header" },
	{ DAEMON, "journald = yes\n", "t.conf:1: 'journald' is outside a section" },
	/* keys */
	{ DAEMON, "# c\n[daemon]\n\nlogjson = /x\n",
	  "t.conf:4: unknown key 'logjson' in [daemon]" },
	{ POLICY, "[policy a]\ncgroup = x\nmod = prevent\n",
	  "t.conf:3: unknown key 'mod' in [policy a]" },
	{ DAEMON, "[daemon]\nsyslog = yes\n[daemon]\nsyslog = no\n",
	  "t.conf:4: 'syslog' given twice (first on line 2)" },
	{ POLICY, "[policy a]\ncgroup = x\nmode = detect\nmode = prevent\n",
	  "t.conf:4: 'mode' given twice (first on line 3)" },
	{ POLICY, "[policy a]\ncgroup = x\ncgroup = y\n",
	  "t.conf:3: 'cgroup' given twice (first on line 2)" },
	{ DAEMON, "[daemon]\njournald\n",
	  "t.conf:2: expected 'key = value', '[section]' or a comment" },
	{ POLICY, "[policy a]\ncgroup = x\njunk\nmode = bad\n",
	  "t.conf:3: expected 'key = value', '[section]' or a comment" },
	/* daemon values */
	{ DAEMON, "[daemon]\nlog_json = var/log/x\n",
	  "t.conf:2: log_json: 'var/log/x' is not an absolute path" },
	{ DAEMON, "[daemon]\nstate_dir =\n",
	  "t.conf:2: state_dir: '' is not an absolute path" },
	{ DAEMON, "[daemon]\njournald = maybe\n",
	  "t.conf:2: journald: 'maybe' is not yes or no (or true, false, on, off, 1, 0)" },
	{ DAEMON, "[daemon]\njournald = Yes\n",
	  "t.conf:2: journald: 'Yes' is not yes or no (or true, false, on, off, 1, 0)" },
	{ DAEMON, "[daemon]\nmax_log_bytes = 10MB\n",
	  "t.conf:2: max_log_bytes: '10MB' is not a size (bytes, or a number with K, M or G)" },
	{ DAEMON, "[daemon]\nquarantine_max_bytes = -1\n",
	  "t.conf:2: quarantine_max_bytes: '-1' is not a size (bytes, or a number with K, M or G)" },
	{ DAEMON, "[daemon]\nmax_log_bytes = 20000000000G\n",
	  "t.conf:2: max_log_bytes: '20000000000G' is not a size (bytes, or a number with K, M or G): too big" },
	{ DAEMON, "[daemon]\nthrottle_window = 86401\n",
	  "t.conf:2: throttle_window: '86401' is not a number of seconds from 0 to 86400" },
	{ DAEMON, "[daemon]\nsyslog_format = rfc3164\n",
	  "t.conf:2: syslog_format: 'rfc3164' is not local or rfc5424" },
	{ DAEMON, "[daemon]\nlog_keep = 0\n",
	  "t.conf:2: log_keep: '0' is not a number of files from 1 to 100" },
	{ DAEMON, "[daemon]\nlog_keep = 101\n",
	  "t.conf:2: log_keep: '101' is not a number of files from 1 to 100" },
	{ DAEMON, "[daemon]\nmetrics_listen = localhost:9464\n",
	  "t.conf:2: metrics_listen: 'localhost:9464' is not ADDRESS:PORT (an IPv4 address or an IPv6 one in brackets, a port from 1 to 65535: 127.0.0.1:9464, [::1]:9464)" },
	{ DAEMON, "[daemon]\nmetrics_listen = 127.0.0.1:65536\n",
	  "t.conf:2: metrics_listen: '127.0.0.1:65536' is not ADDRESS:PORT (an IPv4 address or an IPv6 one in brackets, a port from 1 to 65535: 127.0.0.1:9464, [::1]:9464)" },
	{ DAEMON, "[daemon]\nmetrics_listen = ::1:9464\n",
	  "t.conf:2: metrics_listen: '::1:9464' is not ADDRESS:PORT (an IPv4 address or an IPv6 one in brackets, a port from 1 to 65535: 127.0.0.1:9464, [::1]:9464)" },
	{ DAEMON, "[daemon]\nmetrics_listen = 127.0.0.1\n",
	  "t.conf:2: metrics_listen: '127.0.0.1' is not ADDRESS:PORT (an IPv4 address or an IPv6 one in brackets, a port from 1 to 65535: 127.0.0.1:9464, [::1]:9464)" },
	{ DAEMON, "[daemon]\njournald = no\nmetrics_listen = 0.0.0.0:9464\nmetrics_remote = no\n",
	  "t.conf:3: metrics_listen: '0.0.0.0:9464' is not a loopback address (127.0.0.1, [::1]): other hosts could read the metrics; metrics_remote = yes allows it" },
	{ DAEMON, "[daemon]\nmetrics_listen = [2001:db8::1]:9464\n",
	  "t.conf:2: metrics_listen: '[2001:db8::1]:9464' is not a loopback address (127.0.0.1, [::1]): other hosts could read the metrics; metrics_remote = yes allows it" },
	{ DAEMON, "[daemon]\nthrottle_window = 1M\n",
	  "t.conf:2: throttle_window: '1M' is not a number of seconds from 0 to 86400" },
	/* policy values */
	{ POLICY, "[policy a]\ncgroup = /sys/fs/cgroup/x.slice\n",
	  "t.conf:2: cgroup: '/sys/fs/cgroup/x.slice' is not a path relative to the cgroup2 mount (like system.slice/docker-*.scope)" },
	{ POLICY, "[policy a]\ncgroup = ../x\n",
	  "t.conf:2: cgroup: '../x' is not a path relative to the cgroup2 mount (like system.slice/docker-*.scope)" },
	{ POLICY, "[policy a]\ncgroup = a//b\n",
	  "t.conf:2: cgroup: 'a//b' is not a path relative to the cgroup2 mount (like system.slice/docker-*.scope)" },
	{ POLICY, "[policy a]\ncgroup = x\nmode = enforce\n",
	  "t.conf:3: mode: 'enforce' is not off, detect or prevent" },
	{ POLICY, "[policy a]\ncgroup = x\nmmap = Prevent\n",
	  "t.conf:3: mmap: 'Prevent' is not off, detect or prevent" },
	{ POLICY, "[policy a]\ncgroup = x\nfiles = deny\n",
	  "t.conf:3: files: 'deny' is not off, detect or prevent" },
	{ POLICY, "[policy a]\ncgroup = x\nwritable = tmp\n",
	  "t.conf:3: writable: 'tmp' is not an absolute path" },
	{ POLICY, "[policy a]\ncgroup = x\nconfig = /etc/\n",
	  "t.conf:3: config: '/etc/' ends in '/'" },
	{ POLICY, "[policy a]\ncgroup = x\nuserns = block\n",
	  "t.conf:3: userns: 'block' is not off, detect or deny" },
	{ POLICY, "[policy a]\ncgroup = x\nexecmem = on\n",
	  "t.conf:3: execmem: 'on' is not off, detect or deny" },
	{ POLICY, "[policy a]\ncgroup = x\n\nprocmem = Deny\n",
	  "t.conf:4: procmem: 'Deny' is not off, detect or deny" },
	/* "deny" is the hardening keys' word only. */
	{ POLICY, "[policy a]\ncgroup = x\nmode = deny\n",
	  "t.conf:3: mode: 'deny' is not off, detect or prevent" },
	{ POLICY, "[policy a]\ncgroup = x\nuserns = deny\nuserns = off\n",
	  "t.conf:4: 'userns' given twice (first on line 3)" },
	{ POLICY, "[policy a]\ncgroup = x\ndeny = curl usr/bin/wget\n",
	  "t.conf:3: deny: 'usr/bin/wget' has a '/' but is not an absolute path" },
	{ POLICY, "[policy a]\ncgroup = x\nfiles_exclude = /tmp var\n",
	  "t.conf:3: files_exclude: 'var' is not an absolute path" },
	{ POLICY, "[policy a]\ncgroup = x\nseverity = critical\n",
	  "t.conf:3: severity: 'critical' is not high, medium, low or info" },
	{ POLICY, "[policy a]\ncgroup = x\nresponse = restart\n",
	  "t.conf:3: response: 'restart' is not none, kill, stop or pause" },
	{ POLICY, "[policy a]\ncgroup = x\nresponse_on = blocked alerts\n",
	  "t.conf:3: response_on: 'alerts' is not blocked, alerted or watched" },
	{ POLICY, "[policy a]\ncgroup = x\nresponse_on = blocked blocked\n",
	  "t.conf:3: response_on: 'blocked' given twice" },
	{ POLICY, "[policy a]\ncgroup = x\nresponse_on =\n",
	  "t.conf:3: response_on: empty (blocked, alerted or watched; response = none turns responses off)" },
	{ POLICY, "[policy a]\ncgroup = x\nresponse_on = blocked\nresponse_on = alerted\n",
	  "t.conf:4: 'response_on' given twice (first on line 3)" },
	{ POLICY, "[policy a]\ncgroup = x\nrunbook = ftp://host/x\n",
	  "t.conf:3: runbook: 'ftp://host/x' is not an http:// or https:// URL" },
	/* policies */
	{ POLICY, "[policy web]\nmode = prevent\n",
	  "t.conf:1: [policy web] has no cgroup" },
	{ POLICY, "[policy a]\ncgroup = x\n\n[policy b]\n[policy c]\ncgroup = y\n",
	  "t.conf:4: [policy b] has no cgroup" },
	{ POLICY, "[policy a]\ncgroup = x\n[policy a]\ncgroup = y\n",
	  "t.conf:3: policy 'a' is already defined at t.conf:1" },
	{ POLICY, "[policy a]\ncgroup = x\n[policy b]\ncgroup = x\n",
	  "t.conf:4: cgroup 'x' already has policy 'a' (t.conf:1)" },
};

static void each_error_is_reported_with_its_file_and_line(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(error_cases) / sizeof(error_cases[0]); i++)
		expect_error(error_cases[i].kind, error_cases[i].text,
			     error_cases[i].msg);
}

static void list_of_more_than_64_entries_is_reported_where_it_overflows(void **state)
{
	char text[DG_CONFIG_LINE_MAX];
	int i, n;

	(void)state;
	n = snprintf(text, sizeof(text), "[policy p]\ncgroup = c\n");
	for (i = 0; i < DRIFTGUARD_LIST_MAX / 2; i++)
		n += snprintf(text + n, sizeof(text) - n, "watch = a%d b%d\n", i, i);
	n += snprintf(text + n, sizeof(text) - n, "watch = one-too-many\n");
	expect_error(POLICY, text, "t.conf:35: watch: more than 64 entries");
}

static void pattern_longer_than_255_bytes_is_reported(void **state)
{
	char text[DG_CONFIG_LINE_MAX], msg[DG_CONFIG_ERR_MAX];
	char pat[DRIFTGUARD_PATTERN_MAX + 1];

	(void)state;
	memset(pat, 'y', sizeof(pat) - 1);
	pat[sizeof(pat) - 1] = '\0';
	snprintf(text, sizeof(text), "[policy p]\ncgroup = c\nallow = /%s\n", pat);
	snprintf(msg, sizeof(msg),
		 "t.conf:3: allow: '/%.31s...' is longer than 255 bytes", pat);
	expect_error(POLICY, text, msg);
}

static void nul_byte_and_too_long_a_line_are_reported_at_their_line(void **state)
{
	static const char nul[] = "[daemon]\nstate_dir = /a\0b\n";
	struct dg_config *cfg = dg_config_new();
	char err[DG_CONFIG_ERR_MAX], *text;

	(void)state;
	assert_non_null(cfg);
	assert_int_equal(dg_config_parse_daemon(cfg, "t.conf", nul, sizeof(nul) - 1,
						err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "t.conf:2: NUL byte in the line");

	text = malloc(2 * DG_CONFIG_LINE_MAX);
	assert_non_null(text);
	snprintf(text, 2 * DG_CONFIG_LINE_MAX, "[daemon]\n\nstate_dir = /%0*d\n",
		 DG_CONFIG_LINE_MAX, 0);
	assert_int_equal(parse(cfg, DAEMON, "t.conf", text, err), -EINVAL);
	assert_string_equal(err, "t.conf:3: line longer than 4093 characters");
	free(text);
	dg_config_free(cfg);
}

static void policy_name_defined_in_an_earlier_file_is_a_duplicate(void **state)
{
	struct dg_config *cfg = dg_config_new();
	char err[DG_CONFIG_ERR_MAX];

	(void)state;
	assert_non_null(cfg);
	assert_int_equal(parse(cfg, POLICY, "10-a.conf",
			       "\n[policy web]\ncgroup = a\n", err), 0);
	assert_int_equal(parse(cfg, POLICY, "20-b.conf",
			       "[policy web]\ncgroup = b\n", err), -EINVAL);
	assert_string_equal(err, "20-b.conf:1: policy 'web' is already defined at 10-a.conf:2");
	dg_config_free(cfg);
}

static void failed_parse_leaves_the_configuration_as_it_was(void **state)
{
	struct dg_config *cfg;
	char err[DG_CONFIG_ERR_MAX];

	(void)state;
	cfg = parse_ok(POLICY, "[policy a]\ncgroup = a\n");
	assert_int_equal(parse(cfg, POLICY, "b.conf",
			       "[policy b]\ncgroup = b\n[policy c]\nmode = x\n",
			       err), -EINVAL);
	assert_int_equal(cfg->npolicies, 1);
	assert_int_equal(parse(cfg, DAEMON, "d.conf",
			       "[daemon]\njournald = no\nsyslog = maybe\n", err),
			 -EINVAL);
	assert_true(cfg->daemon.journald);
	dg_config_free(cfg);
}

/* --- files -------------------------------------------------------------- */

struct tree {
	char dir[64];
};

static int tree_setup(void **state)
{
	struct tree *t = calloc(1, sizeof(*t));

	if (!t)
		return -1;
	snprintf(t->dir, sizeof(t->dir), "/tmp/dg-config-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	*state = t;
	return 0;
}

static int tree_teardown(void **state)
{
	struct tree *t = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
	if (system(cmd))
		return -1;
	free(t);
	return 0;
}

static void put(const struct tree *t, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", t->dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void load_reads_conf_files_in_name_order_following_symlinks(void **state)
{
	struct tree *t = *state;
	char daemon[256], pdir[128], target[256], link[256], err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	put(t, "driftguard.conf", "[daemon]\nsyslog = yes\n");
	snprintf(pdir, sizeof(pdir), "%s/policy.d", t->dir);
	assert_int_equal(mkdir(pdir, 0755), 0);
	/* A ConfigMap volume: NAME.conf -> ..data/NAME.conf. */
	snprintf(target, sizeof(target), "%s/..2024_01_01", pdir);
	assert_int_equal(mkdir(target, 0755), 0);
	put(t, "policy.d/..2024_01_01/30-cm.conf", "[policy cm]\ncgroup = cm\n");
	snprintf(link, sizeof(link), "%s/..data", pdir);
	assert_int_equal(symlink("..2024_01_01", link), 0);
	snprintf(link, sizeof(link), "%s/30-cm.conf", pdir);
	assert_int_equal(symlink("..data/30-cm.conf", link), 0);
	put(t, "policy.d/20-b.conf", "[policy b]\ncgroup = b\n");
	put(t, "policy.d/10-a.conf", "[policy a]\ncgroup = a\n[policy a2]\ncgroup = a2\n");
	put(t, "policy.d/40-ignored.conf.bak", "[policy bak]\n");
	put(t, "policy.d/.hidden.conf", "[policy hidden]\n");
	put(t, "policy.d/README", "not a policy\n");

	snprintf(daemon, sizeof(daemon), "%s/driftguard.conf", t->dir);
	assert_int_equal(dg_config_load(daemon, pdir, &cfg, err, sizeof(err)), 0);
	assert_true(cfg->daemon.syslog);
	assert_int_equal(cfg->npolicies, 4);
	assert_string_equal(cfg->policies[0].name, "a");
	assert_string_equal(cfg->policies[1].name, "a2");
	assert_string_equal(cfg->policies[2].name, "b");
	assert_string_equal(cfg->policies[3].name, "cm");
	assert_string_equal(cfg->policies[3].cgroup, "cm");
	snprintf(link, sizeof(link), "%s/30-cm.conf", pdir);
	assert_string_equal(cfg->policies[3].file, link);
	dg_config_free(cfg);
}

static void one_bad_policy_file_fails_the_whole_load(void **state)
{
	struct tree *t = *state;
	char pdir[256], err[DG_CONFIG_ERR_MAX], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg = NULL;

	snprintf(pdir, sizeof(pdir), "%s/policy.d", t->dir);
	assert_int_equal(mkdir(pdir, 0755), 0);
	put(t, "policy.d/10-a.conf", "[policy a]\ncgroup = a\n");
	put(t, "policy.d/20-b.conf", "[policy b]\ncgroup = b\nmode = on\n");
	assert_int_equal(dg_config_load(NULL, pdir, &cfg, err, sizeof(err)), -EINVAL);
	assert_null(cfg);
	snprintf(msg, sizeof(msg),
		 "%s/20-b.conf:3: mode: 'on' is not off, detect or prevent", pdir);
	assert_string_equal(err, msg);
}

static void missing_files_are_reported_by_name(void **state)
{
	struct tree *t = *state;
	char path[256], err[DG_CONFIG_ERR_MAX], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg = NULL;

	snprintf(path, sizeof(path), "%s/nope.conf", t->dir);
	assert_int_equal(dg_config_load(path, NULL, &cfg, err, sizeof(err)), -ENOENT);
	snprintf(msg, sizeof(msg), "%s: No such file or directory", path);
	assert_string_equal(err, msg);
	assert_int_equal(dg_config_load(NULL, path, &cfg, err, sizeof(err)), -ENOENT);
	assert_string_equal(err, msg);
	assert_null(cfg);
}

/* --- the configuration directory --------------------------------------- */

static void mkdir_in(const struct tree *t, const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", t->dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
}

/* Loads @sub of the tree (NULL: the tree itself); the error text in @err. */
static int load_dir(const struct tree *t, const char *sub, struct dg_config **cfg,
		    char *err)
{
	char dir[256];

	snprintf(dir, sizeof(dir), "%s%s%s", t->dir, sub ? "/" : "", sub ? sub : "");
	*cfg = NULL;
	return dg_config_load_dir(dir, cfg, err, DG_CONFIG_ERR_MAX);
}

static void expect_warning(const struct dg_config *cfg, const char *part)
{
	size_t i;

	for (i = 0; i < cfg->nwarnings; i++)
		if (strstr(cfg->warnings[i], part))
			return;
	fail_msg("no warning containing '%s' (%zu warnings)", part, cfg->nwarnings);
}

static void expect_no_warning(const struct dg_config *cfg, const char *part)
{
	size_t i;

	for (i = 0; i < cfg->nwarnings; i++)
		if (strstr(cfg->warnings[i], part))
			fail_msg("unexpected warning: %s", cfg->warnings[i]);
}

static void misspelt_config_dir_is_an_error_not_an_empty_configuration(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	assert_int_equal(load_dir(t, "driftgaurd", &cfg, err), -ENOENT);
	assert_null(cfg);
	snprintf(msg, sizeof(msg),
		 "the configuration directory %s/driftgaurd: No such file or directory", t->dir);
	assert_string_equal(err, msg);
}

static void file_given_as_the_config_dir_is_an_error(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	put(t, "driftguard.conf", "[daemon]\n");
	assert_int_equal(load_dir(t, "driftguard.conf", &cfg, err), -ENOTDIR);
	snprintf(msg, sizeof(msg),
		 "the configuration directory %s/driftguard.conf: Not a directory", t->dir);
	assert_string_equal(err, msg);
}

static void missing_policy_dir_is_an_error(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	put(t, "driftguard.conf", "[daemon]\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), -ENOENT);
	snprintf(msg, sizeof(msg),
		 "the policy directory %s/policy.d: No such file or directory", t->dir);
	assert_string_equal(err, msg);
}

static void missing_daemon_file_means_defaults_with_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "policy.d/a.conf", "[policy a]\ncgroup = a.slice\nmode = detect\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	assert_true(cfg->daemon.journald);
	assert_int_equal(cfg->npolicies, 1);
	assert_int_equal(cfg->nwarnings, 1);
	expect_warning(cfg, "driftguard.conf: not found: the built-in [daemon] defaults apply");
	dg_config_free(cfg);
}

static void fifo_named_conf_is_refused_without_being_opened(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX], path[256], msg[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	snprintf(path, sizeof(path), "%s/policy.d/a.conf", t->dir);
	assert_int_equal(mkfifo(path, 0644), 0);
	/* Opening it for reading would block here, with no writer. */
	alarm(10);
	assert_int_equal(load_dir(t, NULL, &cfg, err), -EINVAL);
	alarm(0);
	snprintf(msg, sizeof(msg), "%s: is a FIFO, not a regular file: nothing read", path);
	assert_string_equal(err, msg);
}

static void directory_named_conf_is_an_error(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	mkdir_in(t, "policy.d/a.conf");
	assert_int_equal(load_dir(t, NULL, &cfg, err), -EINVAL);
	assert_non_null(strstr(err, "policy.d/a.conf: is a directory, not a regular file"));
}

static void empty_policy_dir_loads_with_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "driftguard.conf", "[daemon]\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	assert_int_equal(cfg->nwarnings, 1);
	expect_warning(cfg, "no [policy] in any policy.d/*.conf: the daemon deletes "
		       "every policy in the kernel");
	dg_config_free(cfg);
}

static void all_outputs_off_is_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "driftguard.conf", "[daemon]\nlog_json =\njournald = no\nsyslog = no\n");
	put(t, "policy.d/a.conf", "[policy a]\ncgroup = a.slice\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	assert_int_equal(cfg->nwarnings, 1);
	expect_warning(cfg, "events are written nowhere");
	dg_config_free(cfg);
}

static void pattern_matching_every_cgroup_is_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "driftguard.conf", "[daemon]\n");
	put(t, "policy.d/a.conf", "[policy all]\ncgroup = *\n"
	    "[policy pods]\ncgroup = kubepods*\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	assert_int_equal(cfg->nwarnings, 1);
	expect_warning(cfg, "a.conf:1: [policy all]: cgroup = * matches every cgroup");
	dg_config_free(cfg);
}

static void allow_entry_that_is_a_file_name_is_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "driftguard.conf", "[daemon]\n");
	put(t, "policy.d/a.conf", "[policy a]\ncgroup = a\nmode = prevent\n"
	    "allow = /usr/local/bin/agent agent\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	assert_int_equal(cfg->nwarnings, 1);
	expect_warning(cfg, "a.conf:1: [policy a]: allow 'agent' is a file name, which allows nothing");
	dg_config_free(cfg);
}

static void response_that_cannot_run_or_acts_on_alerts_is_a_warning(void **state)
{
	struct tree *t = *state;
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	mkdir_in(t, "policy.d");
	put(t, "driftguard.conf", "[daemon]\n");
	put(t, "policy.d/a.conf",
	    "[policy detect]\ncgroup = a\nmode = detect\nresponse = kill\n"
	    "[policy alerts]\ncgroup = b\nmode = detect\nresponse = kill\nresponse_on = alerted\n"
	    "[policy watched]\ncgroup = c\nmode = prevent\nresponse = stop\nresponse_on = blocked watched\n"
	    "[policy none]\ncgroup = d\nresponse_on = alerted\n"
	    "[policy fine]\ncgroup = e\nmode = prevent\nresponse = kill\n"
	    "[policy userns]\ncgroup = f\nuserns = deny\nresponse = kill\n"
	    "[policy execmem]\ncgroup = g\nexecmem = detect\nresponse = stop\n"
	    "response_on = blocked alerted\n"
	    "[policy procmem]\ncgroup = h\nprocmem = prevent\nresponse = pause\n");
	assert_int_equal(load_dir(t, NULL, &cfg, err), 0);
	expect_warning(cfg, "[policy detect]: response = kill never runs: it acts on blocked programs");
	expect_warning(cfg, "[policy alerts]: response = kill acts on alerts");
	expect_warning(cfg, "[policy watched]: response = stop acts on every start of a watched "
		       "program (but the watch list is empty)");
	expect_warning(cfg, "[policy none]: response_on is set but response = none");
	/* A hardening key in deny blocks; in detect it alerts. */
	expect_warning(cfg, "[policy execmem]: response = stop acts on alerts");
	expect_no_warning(cfg, "(but no mode is detect");
	expect_no_warning(cfg, "[policy userns]");
	expect_no_warning(cfg, "[policy procmem]");
	assert_int_equal(cfg->nwarnings, 5);
	dg_config_free(cfg);
}

/* --- printing ----------------------------------------------------------- */

static char *print(const struct dg_config *cfg)
{
	char *buf = NULL, *out;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	dg_config_print(cfg, f);
	fclose(f);
	out = strdup(buf);
	free(buf);
	assert_non_null(out);
	return out;
}

static void network_keys_parse_and_bad_entries_name_the_key_and_the_rule(void **state)
{
	static const char *const ports[] = { "tcp:80", "udp:53", "tcp:8000-8100" };
	static const char *const dests[] = { "10.0.0.0/8", "[fd00::/8]:443" };
	struct dg_config *cfg;
	struct dg_policy *p;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy a]\ncgroup = a\nlisten = prevent\n"
		"listen_allow = tcp:80 udp:53 tcp:8000-8100\n"
		"connect = detect\nconnect_allow = 10.0.0.0/8 [fd00::/8]:443\n"
		"loopback = no\n");
	p = &cfg->policies[0];
	assert_int_equal(p->listen, DRIFTGUARD_MODE_PREVENT);
	assert_int_equal(p->connect, DRIFTGUARD_MODE_DETECT);
	assert_int_equal(p->loopback_judged, 1);
	expect_list(&p->listen_allow, ports, 3);
	expect_list(&p->connect_allow, dests, 2);
	dg_config_free(cfg);
	expect_error(POLICY, "[policy a]\ncgroup = a\nlisten_allow = 80\n",
		     "t.conf:3: listen_allow: '80': listen_allow: an entry must "
		     "start with tcp:, udp: or sctp:");
	expect_error(POLICY, "[policy a]\ncgroup = a\nconnect_allow = 10.0.0.1/8\n",
		     "t.conf:3: connect_allow: '10.0.0.1/8': connect_allow: ADDR "
		     "has bits set beyond its /PREFIX");
	expect_error(POLICY, "[policy a]\ncgroup = a\nloopback = maybe\n",
		     "t.conf:3: loopback: 'maybe' is not yes (exempt) or no (judged)");
}

static void effective_configuration_prints_in_the_documented_format(void **state)
{
	struct dg_config *cfg;
	char *out;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy web]\ncgroup = system.slice/docker-*.scope\n"
		"mode = prevent\ndeny = apt-get curl\nfiles_exclude =\n"
		"runbook = https://r.example/x\nuserns = prevent\n"
		"procmem = detect\n");
	out = print(cfg);
	assert_string_equal(out,
		"# driftguard effective configuration\n"
		"[daemon]\n"
		"log_json = /var/log/driftguard/events.jsonl\n"
		"stdout = no\n"
		"journald = yes\n"
		"syslog = no\n"
		"syslog_socket = /dev/log\n"
		"syslog_format = local\n"
		"state_dir = /var/lib/driftguard\n"
		"quarantine_dir = /var/lib/driftguard/quarantine\n"
		"quarantine = no\n"
		"quarantine_max_bytes = 67108864\n"
		"throttle_window = 300\n"
		"max_log_bytes = 104857600\n"
		"log_keep = 5\n"
		"metrics_listen =\n"
		"metrics_remote = no\n"
		"metrics_textfile =\n"
		"docker_root = /var/lib/docker\n"
		"containerd_state = /run/containerd\n"
		"crio_state = /run/containers/storage\n"
		"podman_root = /var/lib/containers/storage\n"
		"capture_dir = /var/lib/driftguard/captures\n"
		"capture_max_entries = 10000\n"
		"capture_max_bytes = 16777216\n"
		"capture_keep = 100\n"
		"\n"
		"# t.conf:1\n"
		"[policy web]\n"
		"cgroup = system.slice/docker-*.scope\n"
		"mode = prevent\n"
		"memfd = off\n"
		"volume = off\n"
		"metadata = off\n"
		"mmap = off\n"
		"files = off\n"
		"userns = deny\n"
		"execmem = off\n"
		"procmem = detect\n"
		"allow =\n"
		"deny = apt-get\n"
		"deny = curl\n"
		"watch =\n"
		"listen = off\n"
		"listen_allow =\n"
		"connect = off\n"
		"connect_allow =\n"
		"loopback = yes\n"
		"writable = /tmp\n"
		"writable = /var/tmp\n"
		"writable = /run\n"
		"writable = /var/cache\n"
		"writable = /var/log\n"
		"config = /etc\n"
		"files_exclude =\n"
		"severity = high\n"
		"runbook = https://r.example/x\n"
		"response = none\n"
		"response_on = blocked\n"
		"capture = no\n"
		"require_digest = no\n");
	free(out);
	dg_config_free(cfg);
}

/*
 * Prints @cfg, reads the output back (daemon part as a daemon file, the rest
 * as a policy file) and checks it prints the same, "# " lines aside.
 */
static void expect_round_trip(const struct dg_config *cfg)
{
	char err[DG_CONFIG_ERR_MAX], *out, *again, *split;
	struct dg_config *back = dg_config_new();
	size_t i;
	int rc;

	assert_non_null(back);
	out = print(cfg);
	split = strstr(out, "\n\n# ");
	if (split)
		*split = '\0';
	rc = parse(back, DAEMON, "rt.conf", out, err);
	if (!rc && split)
		rc = parse(back, POLICY, "rt.conf", split + 2, err);
	if (rc)
		fail_msg("printed configuration does not read back: %s", err);
	if (split)
		*split = '\n';
	/* Only the "# FILE:LINE" lines may differ. */
	for (i = 0; i < back->npolicies; i++) {
		assert_string_equal(back->policies[i].name, cfg->policies[i].name);
		free(back->policies[i].file);
		back->policies[i].file = strdup(cfg->policies[i].file);
		back->policies[i].line = cfg->policies[i].line;
	}
	again = print(back);
	assert_string_equal(again, out);
	free(again);
	free(out);
	dg_config_free(back);
}

static void printed_configuration_reads_back_to_the_same(void **state)
{
	char err[DG_CONFIG_ERR_MAX];
	struct dg_config *cfg;

	(void)state;
	cfg = parse_ok(POLICY,
		"[policy web]\ncgroup = system.slice/docker-*.scope\n"
		"mode = prevent\nmemfd = detect\nallow = /app/run\n"
		"deny = apt-get curl\nwatch = sh\nfiles_exclude = /data\n"
		"severity = low\nresponse = pause\nexecmem = deny\n"
		"[policy pods]\ncgroup = kubepods.slice\nfiles = detect\n"
		"userns = detect\nprocmem = prevent\n");
	assert_int_equal(parse(cfg, DAEMON, "d.conf",
			       "[daemon]\nlog_json =\nquarantine = yes\n", err), 0);
	expect_round_trip(cfg);
	dg_config_free(cfg);
}

/* --- robustness --------------------------------------------------------- */

static uint64_t next_random(uint64_t *s)
{
	/* xorshift64: deterministic, the same on every libc. */
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static const char *const seeds[] = {
	"[daemon]\nlog_json = /var/log/x\njournald = no\nsyslog = yes\n"
	"max_log_bytes = 10M\nthrottle_window = 5\n",
	"; policies\n[policy web]\ncgroup = system.slice/docker-*.scope\n"
	"mode = prevent\ndeny = apt-get /usr/bin/curl\nwatch = sh\n"
	"files_exclude = /tmp\nseverity = low\nrunbook = https://x/y\n"
	"response = kill\n\n[policy k]\ncgroup = kubepods.slice\nfiles = detect\n",
};

/* Bytes a mutation inserts: mostly what the INI syntax cares about. */
static const char alphabet[] = "[]=:;# \t\r\n/\\*.-_0123456789KMGapolicydmnxz\xEF\xBB\xBF";

static size_t mutate(uint64_t *rs, char *buf, size_t len, size_t cap)
{
	int rounds = 1 + next_random(rs) % 8;
	size_t pos, n;

	while (rounds--) {
		pos = len ? next_random(rs) % (len + 1) : 0;
		switch (next_random(rs) % 6) {
		case 0:		/* change a byte */
			if (pos < len)
				buf[pos] = alphabet[next_random(rs) % (sizeof(alphabet) - 1)];
			break;
		case 1:		/* insert a byte */
			if (len < cap) {
				memmove(buf + pos + 1, buf + pos, len - pos);
				buf[pos] = alphabet[next_random(rs) % (sizeof(alphabet) - 1)];
				len++;
			}
			break;
		case 2:		/* delete a few bytes */
			n = next_random(rs) % 8;
			if (pos + n > len)
				n = len - pos;
			memmove(buf + pos, buf + pos + n, len - pos - n);
			len -= n;
			break;
		case 3:		/* duplicate a stretch */
			n = next_random(rs) % 64;
			if (pos + n > len)
				n = len - pos;
			if (len + n <= cap) {
				memmove(buf + pos + n, buf + pos, len - pos);
				len += n;
			}
			break;
		case 4:		/* any byte at all, NUL included */
			if (pos < len)
				buf[pos] = (char)next_random(rs);
			break;
		case 5:		/* cut the end */
			len = pos;
			break;
		}
	}
	return len;
}

static void random_and_mutated_inputs_parse_or_fail_with_a_line_number(void **state)
{
	char buf[4096], err[DG_CONFIG_ERR_MAX];
	uint64_t rs = 0x5eed5eed5eedULL;
	struct dg_config *cfg;
	int i, rc, ok = 0, failed = 0;
	regex_t re;
	size_t len, j;

	(void)state;
	assert_int_equal(regcomp(&re, "^f\\.conf:[1-9][0-9]*: [^ ]", REG_EXTENDED | REG_NOSUB), 0);
	for (i = 0; i < 5000; i++) {
		enum kind kind = i % 2 ? POLICY : DAEMON;

		if (i % 10 == 9) {	/* pure noise */
			len = next_random(&rs) % 256;
			for (j = 0; j < len; j++)
				buf[j] = (char)next_random(&rs);
		} else {
			len = strlen(seeds[kind]);
			memcpy(buf, seeds[kind], len);
			len = mutate(&rs, buf, len, sizeof(buf) - 1);
		}
		buf[len] = '\0';
		cfg = dg_config_new();
		assert_non_null(cfg);
		if (kind == DAEMON)
			rc = dg_config_parse_daemon(cfg, "f.conf", buf, len, err, sizeof(err));
		else
			rc = dg_config_parse_policies(cfg, "f.conf", buf, len, err, sizeof(err));
		if (rc == 0) {
			ok++;
			expect_round_trip(cfg);
		} else {
			failed++;
			assert_int_equal(rc, -EINVAL);
			if (regexec(&re, err, 0, NULL, 0))
				fail_msg("input %d: error without a line number: '%s'", i, err);
		}
		dg_config_free(cfg);
	}
	regfree(&re);
	/* Both outcomes were exercised, not just one. */
	assert_true(ok > 100);
	assert_true(failed > 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(daemon_file_sets_every_key),
		cmocka_unit_test(daemon_keys_not_given_keep_their_defaults),
		cmocka_unit_test(capture_keys_are_parsed_with_their_defaults_and_bounds),
		cmocka_unit_test(capture_and_require_digest_are_off_unless_a_policy_says_yes),
		cmocka_unit_test(metrics_listen_takes_a_remote_address_only_with_metrics_remote),
		cmocka_unit_test(empty_log_json_turns_the_json_log_off),
		cmocka_unit_test(policy_file_parses_to_the_expected_policies),
		cmocka_unit_test(policy_keys_not_given_take_their_defaults),
		cmocka_unit_test(hardening_keys_take_off_detect_and_deny_or_its_synonym_prevent),
		cmocka_unit_test(mode_table_names_prevent_deny_for_hardening_keys_only),
		cmocka_unit_test(repeated_list_keys_append),
		cmocka_unit_test(first_files_exclude_replaces_the_default_and_later_ones_append),
		cmocka_unit_test(comments_blank_lines_crlf_and_bom_are_accepted),
		cmocka_unit_test(boolean_spellings_of_other_tools_are_accepted),
		cmocka_unit_test(hash_after_a_blank_starts_an_inline_comment),
		cmocka_unit_test(response_on_defaults_to_blocked_and_takes_a_list),
		cmocka_unit_test(responses_act_only_on_the_records_response_on_names),
		cmocka_unit_test(empty_files_give_defaults_and_no_policy),
		cmocka_unit_test(longest_pattern_and_fullest_list_are_accepted),
		cmocka_unit_test(each_error_is_reported_with_its_file_and_line),
		cmocka_unit_test(list_of_more_than_64_entries_is_reported_where_it_overflows),
		cmocka_unit_test(pattern_longer_than_255_bytes_is_reported),
		cmocka_unit_test(nul_byte_and_too_long_a_line_are_reported_at_their_line),
		cmocka_unit_test(policy_name_defined_in_an_earlier_file_is_a_duplicate),
		cmocka_unit_test(failed_parse_leaves_the_configuration_as_it_was),
		cmocka_unit_test_setup_teardown(load_reads_conf_files_in_name_order_following_symlinks,
						tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(one_bad_policy_file_fails_the_whole_load,
						tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(missing_files_are_reported_by_name,
						tree_setup, tree_teardown),
#define TREE_TEST(f) cmocka_unit_test_setup_teardown(f, tree_setup, tree_teardown)
		TREE_TEST(misspelt_config_dir_is_an_error_not_an_empty_configuration),
		TREE_TEST(file_given_as_the_config_dir_is_an_error),
		TREE_TEST(missing_policy_dir_is_an_error),
		TREE_TEST(missing_daemon_file_means_defaults_with_a_warning),
		TREE_TEST(fifo_named_conf_is_refused_without_being_opened),
		TREE_TEST(directory_named_conf_is_an_error),
		TREE_TEST(empty_policy_dir_loads_with_a_warning),
		TREE_TEST(all_outputs_off_is_a_warning),
		TREE_TEST(pattern_matching_every_cgroup_is_a_warning),
		TREE_TEST(response_that_cannot_run_or_acts_on_alerts_is_a_warning),
		TREE_TEST(allow_entry_that_is_a_file_name_is_a_warning),
		cmocka_unit_test(network_keys_parse_and_bad_entries_name_the_key_and_the_rule),
		cmocka_unit_test(effective_configuration_prints_in_the_documented_format),
		cmocka_unit_test(printed_configuration_reads_back_to_the_same),
		cmocka_unit_test(random_and_mutated_inputs_parse_or_fail_with_a_line_number),
	};

	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
