// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the package managers' trees (module/package.h), the one
 * table the module classifies a change with and the daemon names the
 * manager from: a table of {path in the rootfs, expected manager}.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "evlog.h"
#include "names.h"
#include "../module/package.h"

struct package_case {
	const char *path;
	const char *manager;	/* NULL: no package manager's */
};

static const struct package_case cases[] = {
	/* dpkg's lock: what dpkg -i opens for write first. */
	{ "/var/lib/dpkg/lock-frontend", "dpkg" },
	{ "/var/lib/dpkg/info/hello.list", "dpkg" },
	{ "/var/lib/dpkg", "dpkg" },
	{ "/var/lib/dpkg-old/x", NULL },
	{ "/var/lib/apt/lists/lock", "apt" },
	{ "/var/lib/aptitude/pkgstates", NULL },
	/* A downloaded .deb is not an installed package. */
	{ "/var/cache/apt/archives/hello_1.0_all.deb", NULL },
	{ "/lib/apk/db/installed", "apk" },
	{ "/lib/apk/dbx", NULL },
	{ "/etc/apk/world", "apk" },
	{ "/etc/apkx", NULL },
	{ "/var/lib/rpm/rpmdb.sqlite", "rpm" },
	{ "/usr/lib/sysimage/rpm/Packages.db", "rpm" },
	{ "/var/lib/dnf/history.sqlite", "dnf" },
	{ "/usr/local/lib/python3.11/site-packages/requests/__init__.py", "pip" },
	{ "/usr/lib/python3/dist-packages/six.py", "pip" },
	{ "/opt/venv/lib/python3.12/site-packages", "pip" },
	{ "/usr/local/lib/python3.11/site-packagesX/x.py", NULL },
	{ "/usr/local/lib/python3.11/my-site-packages/x.py", NULL },
	{ "/app/node_modules/left-pad/index.js", "npm" },
	{ "/app/node_modules", "npm" },
	{ "/app/node_modules_backup/x.js", NULL },
	{ "/usr/local/lib/ruby/gems/3.2.0/gems/rake-13.0.6/lib/rake.rb", "gem" },
	{ "/var/lib/gems/3.1.0/specifications/rake.gemspec", "gem" },
	{ "/srv/rubygems/x", NULL },
	/* Not a package manager's: config, binaries, the whole rootfs. */
	{ "/etc/passwd", NULL },
	{ "/usr/bin/hello", NULL },
	{ "/", NULL },
	{ "", NULL },
	{ "var/lib/dpkg/status", NULL },
	{ NULL, NULL },
};

static void each_path_has_its_managers_name(void **state)
{
	const struct package_case *c;
	const char *got;

	(void)state;
	for (c = cases; c < cases + sizeof(cases) / sizeof(cases[0]); c++) {
		got = dg_package_manager_name(dg_package_manager(c->path));
		if (!c->manager && got)
			fail_msg("%s: expected no manager, got %s", c->path, got);
		if (c->manager && (!got || strcmp(got, c->manager)))
			fail_msg("%s: expected %s, got %s", c->path, c->manager,
				 got ? got : "none");
	}
}

static void only_package_events_name_a_manager(void **state)
{
	(void)state;
	assert_string_equal(dg_event_manager(DRIFTGUARD_CLASS_PACKAGE,
					     "/var/lib/dpkg/status"), "dpkg");
	assert_null(dg_event_manager(DRIFTGUARD_CLASS_CREATED,
				     "/var/lib/dpkg/status"));
	assert_null(dg_event_manager(DRIFTGUARD_CLASS_PACKAGE, "/etc/passwd"));
	assert_null(dg_event_manager(DRIFTGUARD_CLASS_PACKAGE, NULL));
	assert_string_equal(dg_class_name(DRIFTGUARD_CLASS_PACKAGE), "package");
}

/* The JSON record (journald's and syslog's fields too) says "manager". */
static void a_package_events_json_names_its_manager(void **state)
{
	struct dg_nl_event ev = {
		.action = DRIFTGUARD_ACTION_BLOCKED,
		.class = DRIFTGUARD_CLASS_PACKAGE,
		.hook = DRIFTGUARD_HOOK_COPY_UP,
		.comm = "dpkg", .path = "/var/lib/dpkg/lock-frontend",
	};
	struct json_object *o, *v;

	(void)state;
	o = dg_event_json(&ev);
	assert_non_null(o);
	assert_true(json_object_object_get_ex(o, "manager", &v));
	assert_string_equal(json_object_get_string(v), "dpkg");
	json_object_put(o);

	ev.class = DRIFTGUARD_CLASS_MODIFIED;
	o = dg_event_json(&ev);
	assert_non_null(o);
	assert_false(json_object_object_get_ex(o, "manager", &v));
	json_object_put(o);
}

static void every_manager_has_a_name(void **state)
{
	int m;

	(void)state;
	assert_null(dg_package_manager_name(DG_MANAGER_NONE));
	for (m = DG_MANAGER_NONE + 1; m < __DG_MANAGER_MAX; m++)
		assert_non_null(dg_package_manager_name(m));
	assert_null(dg_package_manager_name(__DG_MANAGER_MAX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_path_has_its_managers_name),
		cmocka_unit_test(only_package_events_name_a_manager),
		cmocka_unit_test(a_package_events_json_names_its_manager),
		cmocka_unit_test(every_manager_has_a_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
