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
 *   path components, anywhere in the path (the directory or below):
 *     site-packages, dist-packages            pip
 *     node_modules                            npm
 *     gems                                    gem
 *
 * Downloads are not installs: /var/cache/apt (a .deb fetched by apt-get)
 * is in no tree. Costs one pass over the path and seven short prefix
 * comparisons, only for a change already being judged; never sleeps.
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
	const char *name;	/* a prefix or a path component */
	unsigned char len;
	unsigned char manager;
};

#define DG_PACKAGE_TREE(s, m) { s, sizeof(s) - 1, DG_MANAGER_##m }

/* Is the path component @c, @len bytes long, @t's name? */
static inline int dg_package_is(const char *c, size_t len,
				const struct dg_package_tree *t)
{
	return len == t->len && !memcmp(c, t->name, len);
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
	};
	static const struct dg_package_tree components[] = {
		DG_PACKAGE_TREE("site-packages", PIP),
		DG_PACKAGE_TREE("dist-packages", PIP),
		DG_PACKAGE_TREE("node_modules", NPM),
		DG_PACKAGE_TREE("gems", GEM),
	};
	const char *c, *end;
	size_t i;

	if (!path || path[0] != '/')
		return DG_MANAGER_NONE;
	for (i = 0; i < ARRAY_SIZE(prefixes); i++) {
		const struct dg_package_tree *t = &prefixes[i];

		if (!strncmp(path, t->name, t->len) &&
		    (path[t->len] == '/' || !path[t->len]))
			return t->manager;
	}
	for (c = path + 1; *c; c = *end ? end + 1 : end) {
		end = strchrnul(c, '/');
		for (i = 0; i < ARRAY_SIZE(components); i++)
			if (dg_package_is(c, end - c, &components[i]))
				return components[i].manager;
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
