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
	/* pip: a prefix's, a venv's, --user's lib/pythonX.Y/site-packages. */
	{ "/usr/local/lib/python3.11/site-packages/requests/__init__.py", "pip" },
	{ "/opt/venv/lib/python3.12/site-packages", "pip" },
	{ "/root/.local/lib/python3.11/site-packages/six.py", "pip" },
	{ "/usr/lib64/python3.9/site-packages/dnf/base.py", "pip" },
	/* Debian's: python3-* packages, and its pip's /usr/local. */
	{ "/usr/lib/python3/dist-packages/six.py", "pip" },
	{ "/usr/local/lib/python3.11/dist-packages/flask/app.py", "pip" },
	/* CPython's free-threaded build (ABI "t") and PyPy's own tree. */
	{ "/usr/local/lib/python3.13t/site-packages/numpy/__init__.py", "pip" },
	{ "/opt/venv/lib/python3.14t/site-packages", "pip" },
	{ "/usr/local/lib/python3.13tt/site-packages/x.py", NULL },
	{ "/usr/local/lib/pythont/site-packages/x.py", NULL },
	{ "/opt/pypy/lib/pypy3.10/site-packages/six.py", "pip" },
	{ "/opt/pypy/lib/pypy3.10t/site-packages/six.py", NULL },
	{ "/opt/pypy/lib/pypy3.10/site-packages/__pycache__/six.pypy310.pyc", NULL },
	{ "/usr/local/lib/python3.11/site-packagesX/x.py", NULL },
	{ "/usr/local/lib/python3.11/my-site-packages/x.py", NULL },
	/* A directory an application names so is not pip's. */
	{ "/srv/app/site-packages/notes.txt", NULL },
	{ "/srv/app/dist-packages/x.py", NULL },
	{ "/usr/local/lib/python/site-packages/x.py", NULL },
	{ "/usr/local/lib/pythonX/site-packages/x.py", NULL },
	{ "/usr/local/share/python3.11/site-packages/x.py", NULL },
	/* Bytecode Python caches on import: no manager changed its state. */
	{ "/usr/local/lib/python3.11/site-packages/requests/__pycache__/api.cpython-311.pyc", NULL },
	{ "/usr/lib/python3/dist-packages/__pycache__/six.cpython-311.pyc", NULL },
	{ "/usr/local/lib/python3.11/site-packages/requests/__pycache__", NULL },
	{ "/usr/local/lib/python3.11/site-packages/__pycache__x/x.py", "pip" },
	/* npm: any node_modules, but a tool's cache there is no install. */
	{ "/app/node_modules/left-pad/index.js", "npm" },
	{ "/app/node_modules", "npm" },
	{ "/usr/local/lib/node_modules/npm/package.json", "npm" },
	{ "/app/node_modules/.bin/left-pad", "npm" },
	{ "/app/node_modules/.package-lock.json", "npm" },
	{ "/app/node_modules/.cache/babel-loader/x.json", NULL },
	{ "/app/node_modules/.cache", NULL },
	{ "/app/node_modules/.cachex/x", "npm" },
	{ "/app/node_modules_backup/x.js", NULL },
	/* gem: a GEM_HOME, named by its Ruby ABI version. */
	{ "/usr/local/lib/ruby/gems/3.2.0/gems/rake-13.0.6/lib/rake.rb", "gem" },
	{ "/var/lib/gems/3.1.0/specifications/rake.gemspec", "gem" },
	{ "/var/lib/gems/3.1.0", "gem" },
	{ "/usr/local/bundle/gems/rake-13.0.6/lib/rake.rb", "gem" },
	{ "/usr/local/bundle", "gem" },
	{ "/usr/local/bundlex/x", NULL },
	{ "/app/vendor/bundle/ruby/3.2.0/gems/rack-3.0.8/lib/rack.rb", "gem" },
	{ "/app/vendor/bundle/ruby/x/gems/rack", NULL },
	/* A directory an application names gems is not gem's. */
	{ "/srv/app/gems/notes.txt", NULL },
	{ "/srv/app/gems", NULL },
	{ "/srv/app/gems/v3/notes.txt", NULL },
	{ "/srv/app/gems/3.x/notes.txt", NULL },
	{ "/srv/rubygems/x", NULL },
	{ "/usr/lib/ruby/3.1.0/set.rb", NULL },
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
