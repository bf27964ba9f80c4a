/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the package managers' trees, one table for module and daemon. */
#ifndef DRIFTGUARD_PACKAGE_H
#define DRIFTGUARD_PACKAGE_H

/*
 * A change of a container's rootfs under a package manager's database or
 * install tree is package drift (class PACKAGE). The module classifies
 * the path it already built for the change (files.c, dg_observe()); the
 * daemon and driftctl name the manager of an event of class PACKAGE from
 * the event's path with the same function, which the kernel sends whole:
 * one table, so the two cannot disagree.
 *
 * Built in, not a policy list: the trees are where the managers keep
 * their state, the same in every image, and a policy message has no
 * room to spare. A writable prefix covering a tree still makes it
 * writable (the operator's choice); the change is then reported as
 * package drift but not refused.
 *
 *   prefixes, anchored at the rootfs's root (the prefix itself or below):
 *     /var/lib/dpkg                           dpkg
 *     /var/lib/apt                            apt
 *     /lib/apk/db, /etc/apk                   apk
 *     /var/lib/rpm, /usr/lib/sysimage/rpm     rpm
 *     /var/lib/dnf                            dnf
 *     /usr/local/bundle                       gem (the ruby images' GEM_HOME)
 *   runs of path components, anywhere in the path (the last one or below),
 *   where "#" is a version (a digit, then digits and dots) and "python#"
 *   the word followed by one (for python also "#t", the free-threaded
 *   build's ABI: python3.13t):
 *     lib/python#/site-packages, lib64/python#/site-packages,
 *     lib/python#/dist-packages, lib/pypy#/site-packages   pip
 *     node_modules                            npm
 *     gems/#, bundle/ruby/#                   gem
 *
 * Where the managers install, not every directory so named: pip writes a
 * prefix's, a venv's or --user's lib/pythonX.Y/site-packages (Debian's
 * pip and python3-* packages: lib/python3[.Y]/dist-packages); gem a
 * GEM_HOME, whose last component is the Ruby ABI version (/var/lib/gems/
 * 3.1.0, /usr/local/lib/ruby/gems/3.2.0, bundler's vendor/bundle/ruby/
 * 3.2.0); npm a node_modules, a name nothing but a Node package manager
 * gives a directory. An application's own /srv/app/gems or site-packages
 * is not a manager's.
 *
 * Caches inside a tree are not package drift, as no manager changed its
 * state: __pycache__ (the bytecode Python writes when it imports a module
 * whose .pyc the image lacks) and node_modules/.cache (where babel,
 * eslint and webpack keep theirs at run time). They are ordinary file
 * drift (created, modified): still recorded and, under files = prevent,
 * refused, which Python and those tools take as "no cache" (a planted
 * .pyc is loaded in place of its source: it must not vanish from the
 * records).
 *
 * Downloads are not installs: /var/cache/apt (a .deb fetched by apt-get)
 * is in no tree. Costs one pass over the path, eight short prefix
 * comparisons and a few per component, only for a change already being
 * judged; never sleeps.
 */
#ifdef __KERNEL__
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>
#else
#include <stddef.h>
#include <string.h>
#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif
#endif

enum dg_manager {
	DG_MANAGER_NONE,
	DG_MANAGER_DPKG,
	DG_MANAGER_APT,
	DG_MANAGER_APK,
	DG_MANAGER_RPM,
	DG_MANAGER_DNF,
	DG_MANAGER_PIP,
	DG_MANAGER_NPM,
	DG_MANAGER_GEM,
	__DG_MANAGER_MAX,
};

struct dg_package_tree {
	const char *name;	/* a prefix */
	unsigned char len;
	unsigned char manager;
};

#define DG_PACKAGE_TREE(s, m) { s, sizeof(s) - 1, DG_MANAGER_##m }

/*
 * One component of a run: @name exactly (@ver 0), or @name and a version
 * (1), or @name, a version and maybe a 't' (2: CPython's free-threaded
 * ABI, python3.13t).
 */
struct dg_package_part {
	const char *name;
	unsigned char len;
	unsigned char ver;
};

#define DG_PART(s) { s, sizeof(s) - 1, 0 }
#define DG_PART_VER(s) { s, sizeof(s) - 1, 1 }
#define DG_PART_PYVER(s) { s, sizeof(s) - 1, 2 }
#define DG_NO_PART { NULL, 0, 0 }

/* A run of components that is a manager's tree, @except a cache in it. */
struct dg_package_run {
	struct dg_package_part part[3];
	unsigned char n;
	unsigned char manager;
	struct dg_package_part except;
};

/* Is @c, @len bytes long, @p's name, or with @p->ver its name and a version? */
static inline int dg_package_part_is(const char *c, size_t len,
				     const struct dg_package_part *p)
{
	size_t i;

	if (!p->ver)
		return len == p->len && !memcmp(c, p->name, len);
	if (len <= p->len || memcmp(c, p->name, p->len) ||
	    c[p->len] < '0' || c[p->len] > '9')
		return 0;
	if (p->ver == 2 && c[len - 1] == 't')
		len--;
	for (i = p->len + 1; i < len; i++)
		if (c[i] != '.' && (c[i] < '0' || c[i] > '9'))
			return 0;
	return 1;
}

/* The component after the one at @c, or NULL at the end of the path. */
static inline const char *dg_package_next(const char *c)
{
	const char *end = strchrnul(c, '/');

	return *end && end[1] ? end + 1 : NULL;
}

/* Does @run start at component @c? Sets *@below to what follows it. */
static inline int dg_package_run_at(const char *c,
				    const struct dg_package_run *run,
				    const char **below)
{
	unsigned char i;

	for (i = 0; i < run->n; i++) {
		if (!c || !dg_package_part_is(c, strchrnul(c, '/') - c,
					      &run->part[i]))
			return 0;
		c = dg_package_next(c);
	}
	*below = c;
	return 1;
}

/* The manager whose tree holds @path (in the rootfs), or DG_MANAGER_NONE. */
static inline int dg_package_manager(const char *path)
{
	static const struct dg_package_tree prefixes[] = {
		DG_PACKAGE_TREE("/var/lib/dpkg", DPKG),
		DG_PACKAGE_TREE("/var/lib/apt", APT),
		DG_PACKAGE_TREE("/lib/apk/db", APK),
		DG_PACKAGE_TREE("/etc/apk", APK),
		DG_PACKAGE_TREE("/var/lib/rpm", RPM),
		DG_PACKAGE_TREE("/usr/lib/sysimage/rpm", RPM),
		DG_PACKAGE_TREE("/var/lib/dnf", DNF),
		DG_PACKAGE_TREE("/usr/local/bundle", GEM),
	};
	static const struct dg_package_run runs[] = {
		{ { DG_PART("lib"), DG_PART_PYVER("python"),
		    DG_PART("site-packages") }, 3, DG_MANAGER_PIP,
		  DG_PART("__pycache__") },
		{ { DG_PART("lib64"), DG_PART_PYVER("python"),
		    DG_PART("site-packages") }, 3, DG_MANAGER_PIP,
		  DG_PART("__pycache__") },
		{ { DG_PART("lib"), DG_PART_PYVER("python"),
		    DG_PART("dist-packages") }, 3, DG_MANAGER_PIP,
		  DG_PART("__pycache__") },
		{ { DG_PART("lib"), DG_PART_VER("pypy"),
		    DG_PART("site-packages") }, 3, DG_MANAGER_PIP,
		  DG_PART("__pycache__") },
		{ { DG_PART("node_modules") }, 1, DG_MANAGER_NPM,
		  DG_PART(".cache") },
		{ { DG_PART("gems"), DG_PART_VER("") }, 2, DG_MANAGER_GEM,
		  DG_NO_PART },
		{ { DG_PART("bundle"), DG_PART("ruby"), DG_PART_VER("") }, 3,
		  DG_MANAGER_GEM, DG_NO_PART },
	};
	const char *c, *below;
	size_t i;

	if (!path || path[0] != '/')
		return DG_MANAGER_NONE;
	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		const struct dg_package_tree *t = &prefixes[i];

		if (!strncmp(path, t->name, t->len) &&
		    (path[t->len] == '/' || !path[t->len]))
			return t->manager;
	}
	for (c = path[1] ? path + 1 : NULL; c; c = dg_package_next(c)) {
		for (i = 0; i < ARRAY_SIZE(runs); i++) {
			const struct dg_package_run *r = &runs[i];

			if (!dg_package_run_at(c, r, &below))
				continue;
			for (; below && r->except.len;
			     below = dg_package_next(below))
				if (dg_package_part_is(below,
						       strchrnul(below, '/') - below,
						       &r->except))
					return DG_MANAGER_NONE;
			return r->manager;
		}
	}
	return DG_MANAGER_NONE;
}

/* The name records give @manager: "dpkg", ...; NULL for none or unknown. */
static inline const char *dg_package_manager_name(int manager)
{
	switch (manager) {
	case DG_MANAGER_DPKG:
		return "dpkg";
	case DG_MANAGER_APT:
		return "apt";
	case DG_MANAGER_APK:
		return "apk";
	case DG_MANAGER_RPM:
		return "rpm";
	case DG_MANAGER_DNF:
		return "dnf";
	case DG_MANAGER_PIP:
		return "pip";
	case DG_MANAGER_NPM:
		return "npm";
	case DG_MANAGER_GEM:
		return "gem";
	default:
		return NULL;
	}
}

#endif /* DRIFTGUARD_PACKAGE_H */
