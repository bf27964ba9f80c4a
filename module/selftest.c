// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: the verdict's self-test, run at every load before any hook
 * is installed. Each row of the tables below is one policy, one set of
 * facts about a file, and the answer the verdict (verdict.c) must give:
 * the precedence of the classes and of the lists, the modes, the mmap cap,
 * alert-only, the hardening keys, and the lock's tighten-only rule; also
 * the one-walk name bit of the name asked for and the connect_allow
 * prefix match, which the exec and connect checks use in place of the
 * string functions they were checked against. A
 * module that gets one wrong refuses to load: it would refuse image
 * binaries or let drift run. Everything here is freed once loaded.
 */
#include <linux/slab.h>
#include <linux/string.h>

#include "layer.h"
#include "net.h"
#include "verdict.h"

#define U DG_CLASS_BIT(DRIFTGUARD_CLASS_UPPER)
#define M DG_CLASS_BIT(DRIFTGUARD_CLASS_MEMFD)
#define V DG_CLASS_BIT(DRIFTGUARD_CLASS_VOLUME)
#define MD DG_CLASS_BIT(DRIFTGUARD_CLASS_METADATA)
#define OFF DRIFTGUARD_MODE_OFF
#define DET DRIFTGUARD_MODE_DETECT
#define PRE DRIFTGUARD_MODE_PREVENT
#define ALERTED DRIFTGUARD_ACTION_ALERTED
#define BLOCKED DRIFTGUARD_ACTION_BLOCKED
#define C(name) DRIFTGUARD_CLASS_##name

#define DG_ST_LIST 4	/* entries per list, NULL-terminated */

/* A policy, as a table row. */
struct dg_st_policy {
	u8 mode, memfd, volume, mmap, files, userns, execmem, procmem, metadata;
	const char *allow[DG_ST_LIST];
	const char *deny[DG_ST_LIST];
	const char *watch[DG_ST_LIST];
};

struct dg_st_case {
	const char *what;
	struct dg_st_policy pol;
	unsigned int classes;	/* the file's DG_CLASS_BIT()s; 0: image */
	enum dg_use use;
	const char *asked;	/* the name asked for */
	const char *view;	/* the path from the task's root */
	const char *rootfs;	/* the path in the container's rootfs */
	const char *trusted;	/* the path allow entries may name */
	bool alert_only;
	u8 action;		/* 0: allowed */
	u8 class;
};

static const struct dg_st_case dg_st_cases[] __initconst = {
	{ "an image file runs under prevent of every class",
	  { .mode = PRE, .memfd = PRE, .volume = PRE, .mmap = PRE },
	  0, DG_USE_EXEC, "/bin/sh", "/bin/sh", "/bin/sh", "/bin/sh",
	  false, 0, C(NONE) },
	{ "an upper file is blocked under mode prevent",
	  { .mode = PRE }, U, DG_USE_EXEC, "/x", "/x", "/x", "/x",
	  false, BLOCKED, C(UPPER) },
	{ "an upper file is alerted under mode detect",
	  { .mode = DET }, U, DG_USE_EXEC, "/x", "/x", "/x", "/x",
	  false, ALERTED, C(UPPER) },
	{ "an upper file runs under mode off",
	  { .volume = PRE, .memfd = PRE }, U, DG_USE_EXEC, "/x", "/x", "/x",
	  "/x", false, 0, C(NONE) },
	{ "the strictest class decides: volume prevent over upper detect",
	  { .mode = DET, .volume = PRE }, U | V, DG_USE_EXEC, "/x", "/x",
	  NULL, NULL, false, BLOCKED, C(VOLUME) },
	{ "on a tie the file is reported as upper",
	  { .mode = PRE, .volume = PRE }, U | V, DG_USE_EXEC, "/x", "/x",
	  NULL, NULL, false, BLOCKED, C(UPPER) },
	{ "a weaker volume mode does not lower upper",
	  { .mode = PRE, .volume = DET }, U | V, DG_USE_EXEC, "/x", "/x",
	  NULL, NULL, false, BLOCKED, C(UPPER) },
	{ "a memfd is blocked under memfd prevent",
	  { .memfd = PRE }, M, DG_USE_EXEC, "/memfd:x", "/memfd:x", NULL,
	  NULL, false, BLOCKED, C(MEMFD) },
	{ "a mapping a program asks for is capped by mmap off",
	  { .mode = PRE }, U, DG_USE_MAP, NULL, "/lib/evil.so", NULL, NULL,
	  false, 0, C(NONE) },
	{ "a mapping a program asks for is capped by mmap detect",
	  { .mode = PRE, .mmap = DET }, U, DG_USE_MAP, NULL, "/lib/evil.so",
	  NULL, NULL, false, ALERTED, C(UPPER) },
	{ "a mapping made by the kernel during exec is judged as the exec",
	  { .mode = PRE }, U, DG_USE_EXEC_MAP, NULL, "/lib64/ld.so", NULL,
	  NULL, false, BLOCKED, C(UPPER) },
	{ "alert-only turns a block into an alert",
	  { .mode = PRE }, U, DG_USE_EXEC, "/x", "/x", "/x", "/x",
	  true, ALERTED, C(UPPER) },
	{ "a deny name entry prohibits an image file",
	  { .deny = { "wget" } }, 0, DG_USE_EXEC, "wget", "/usr/bin/wget",
	  "/usr/bin/wget", "/usr/bin/wget", false, BLOCKED, C(PROHIBITED) },
	{ "a deny path entry matches the path in the rootfs after chroot",
	  { .deny = { "/usr/bin/x" } }, 0, DG_USE_EXEC, "/bin/x", "/bin/x",
	  "/usr/bin/x", "/usr/bin/x", false, BLOCKED, C(PROHIBITED) },
	{ "a deny entry matches a mapping whatever the mmap mode",
	  { .deny = { "libevil.so" } }, 0, DG_USE_MAP, NULL,
	  "/lib/libevil.so", "/lib/libevil.so", "/lib/libevil.so", false,
	  BLOCKED, C(PROHIBITED) },
	{ "deny beats allow",
	  { .mode = PRE, .allow = { "/opt/a" }, .deny = { "/opt/a" } }, U,
	  DG_USE_EXEC, "/opt/a", "/opt/a", "/opt/a", "/opt/a", false,
	  BLOCKED, C(PROHIBITED) },
	{ "alert-only turns a deny entry into an alert",
	  { .deny = { "wget" } }, 0, DG_USE_EXEC, "wget", "/usr/bin/wget",
	  NULL, "/usr/bin/wget", true, ALERTED, C(PROHIBITED) },
	{ "an allow path entry naming the trusted path lets drift run",
	  { .mode = PRE, .allow = { "/opt/agent" } }, U, DG_USE_EXEC,
	  "/opt/agent", "/opt/agent", "/opt/agent", "/opt/agent", false, 0,
	  C(NONE) },
	{ "an allow name entry lets nothing run",
	  { .mode = PRE, .allow = { "agent" } }, U, DG_USE_EXEC, "agent",
	  "/opt/agent", "/opt/agent", "/opt/agent", false, BLOCKED, C(UPPER) },
	{ "an allow entry naming only the view path lets nothing run",
	  { .mode = PRE, .allow = { "/usr/local/bin/agent" } }, U,
	  DG_USE_EXEC, "/usr/local/bin/agent", "/usr/local/bin/agent", NULL,
	  NULL, false, BLOCKED, C(UPPER) },
	{ "an allow entry naming another file lets nothing run",
	  { .mode = PRE, .allow = { "/opt/agent" } }, U, DG_USE_EXEC,
	  "/opt/agent", "/opt/agent", "/tmp/opt/agent", "/tmp/opt/agent",
	  false, BLOCKED, C(UPPER) },
	{ "a watch entry reports an image program",
	  { .watch = { "sh" } }, 0, DG_USE_EXEC, "/bin/sh", "/bin/sh",
	  "/bin/sh", "/bin/sh", false, ALERTED, C(WATCHED) },
	{ "a watch entry does not report a mapping",
	  { .watch = { "libc.so.6" } }, 0, DG_USE_MAP, NULL,
	  "/lib/libc.so.6", "/lib/libc.so.6", "/lib/libc.so.6", false, 0,
	  C(NONE) },
	{ "a watch entry reports an allowed drifted program",
	  { .mode = PRE, .allow = { "/bin/tool" }, .watch = { "tool" } }, U,
	  DG_USE_EXEC, "/bin/tool", "/bin/tool", "/bin/tool", "/bin/tool",
	  false, ALERTED, C(WATCHED) },
	{ "a metadata-only copy runs under mode prevent, metadata off",
	  { .mode = PRE, .memfd = PRE, .volume = PRE, .mmap = PRE }, MD,
	  DG_USE_EXEC, "/bin/x", "/bin/x", "/bin/x", "/bin/x", false, 0,
	  C(NONE) },
	{ "a metadata-only copy is blocked under metadata prevent",
	  { .metadata = PRE }, MD, DG_USE_EXEC, "/bin/x", "/bin/x", "/bin/x",
	  "/bin/x", false, BLOCKED, C(METADATA) },
	{ "a metadata-only copy is alerted under metadata detect",
	  { .mode = PRE, .metadata = DET }, MD, DG_USE_EXEC, "/bin/x",
	  "/bin/x", "/bin/x", "/bin/x", false, ALERTED, C(METADATA) },
	{ "a metadata-only copy through a volume view is a volume",
	  { .volume = PRE, .metadata = DET }, MD | V, DG_USE_EXEC, "/x",
	  "/x", NULL, NULL, false, BLOCKED, C(VOLUME) },
	{ "on a tie upper is reported before metadata",
	  { .mode = PRE, .metadata = PRE }, U | MD, DG_USE_EXEC, "/x", "/x",
	  NULL, NULL, false, BLOCKED, C(UPPER) },
	{ "a deny entry prohibits a metadata-only copy under metadata off",
	  { .mode = PRE, .deny = { "wget" } }, MD, DG_USE_EXEC, "wget",
	  "/usr/bin/wget", "/usr/bin/wget", "/usr/bin/wget", false, BLOCKED,
	  C(PROHIBITED) },
	{ "a metadata-only library map is capped by mmap",
	  { .metadata = PRE, .mmap = DET }, MD, DG_USE_MAP, NULL,
	  "/lib/libc.so.6", NULL, NULL, false, ALERTED, C(METADATA) },
	{ "a watch entry does not lower a block",
	  { .mode = PRE, .watch = { "x" } }, U, DG_USE_EXEC, "/x", "/x", "/x",
	  "/x", false, BLOCKED, C(UPPER) },
	{ "a deny path entry is looked for by its last component",
	  { .deny = { "/usr/bin/x" } }, 0, DG_USE_EXEC, "y", "/usr/bin/x",
	  "/usr/bin/x", "/usr/bin/x", false, BLOCKED, C(PROHIBITED) },
	{ "a deny name entry matches the name asked, not the file's own",
	  { .deny = { "python3" } }, 0, DG_USE_EXEC, "/usr/bin/python3",
	  "/usr/bin/python3.11", "/usr/bin/python3.11", "/usr/bin/python3.11",
	  false, BLOCKED, C(PROHIBITED) },
	{ "a deny path entry matches the path asked when no path is built",
	  { .deny = { "/usr/bin/wget" } }, 0, DG_USE_EXEC, "/usr/bin/wget",
	  "/usr/bin/wget.real", "/usr/bin/wget.real", "/usr/bin/wget.real",
	  false, BLOCKED, C(PROHIBITED) },
	{ "a watch entry is found by the file's name beside a deny list",
	  { .deny = { "wget" }, .watch = { "sh" } }, 0, DG_USE_EXEC,
	  "/bin/x", "/bin/sh", "/bin/sh", "/bin/sh", false, ALERTED,
	  C(WATCHED) },
	{ "a deny entry is found by the file's name beside a watch list",
	  { .deny = { "curl" }, .watch = { "sh", "bash" } }, 0, DG_USE_EXEC,
	  "/usr/bin/x", "/usr/bin/curl", "/usr/bin/curl", "/usr/bin/curl",
	  false, BLOCKED, C(PROHIBITED) },
	{ "a watch entry's name does not make a mapping match the deny list",
	  { .deny = { "wget" }, .watch = { "libx.so" } }, 0, DG_USE_MAP, NULL,
	  "/lib/libx.so", "/lib/libx.so", "/lib/libx.so", false, 0, C(NONE) },
	{ "a deny name entry matches a name asked for without a '/'",
	  { .deny = { "wget" } }, 0, DG_USE_EXEC, "wget", "/usr/bin/wget.real",
	  "/usr/bin/wget.real", "/usr/bin/wget.real", false, BLOCKED,
	  C(PROHIBITED) },
	{ "a name asked for that ends in '/' has no last component to match",
	  { .deny = { "wget" } }, 0, DG_USE_EXEC, "/usr/bin/wget/",
	  "/usr/bin/x", "/usr/bin/x", "/usr/bin/x", false, 0, C(NONE) },
	{ "a file no entry ends in passes the lists without its paths",
	  { .deny = { "wget" }, .watch = { "sh", "/bin/bash" } }, 0,
	  DG_USE_EXEC, "/bin/ls", "/bin/ls", "/bin/ls", "/bin/ls", false, 0,
	  C(NONE) },
};

/*
 * Names asked for whose last component dg_path_base() must find in one
 * walk, as kbasename() and strlen() find it in two: with and without '/',
 * a trailing one, '.' and '0' (the bytes either side of '/') next to
 * one, bytes above 0x7f.
 * Each is also tried at every offset from a word boundary, with NULs
 * before it and '/' after it in its word, and so are the names of 0 to 17
 * bytes made by dg_st_run_lengths().
 */
static const char *const dg_st_asked[] __initconst = {
	"", "/", "wget", "/usr/bin/wget", "/usr/bin/", "a//b", "./x",
	"/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "a/.b", "/./.", "x/0",
	"0/.", "//", "\xff/\x80\xfe", "\x01/\x01", "/bin/text", "/usr/bin/wget/",
	"sixteen/bytes/ok", "/seventeen/bytes/", "/.......//........",
};

/* A connect_allow prefix: do the first @bits bits of @a and @b agree? */
struct dg_st_prefix {
	const char *what;
	u8 a[16], b[16];
	u8 bits;
	bool match;
};

static const struct dg_st_prefix dg_st_prefixes[] __initconst = {
	{ "10.1.2.3 is in 10.1.0.0/16", { 10, 1, 2, 3 }, { 10, 1 }, 16, true },
	{ "10.2.0.1 is not in 10.1.0.0/16", { 10, 2, 0, 1 }, { 10, 1 }, 16,
	  false },
	{ "127.0.0.1 is in 127.0.0.0/8", { 127, 0, 0, 1 }, { 127 }, 8, true },
	{ "192.168.1.130 is in 192.168.1.128/25", { 192, 168, 1, 130 },
	  { 192, 168, 1, 128 }, 25, true },
	{ "192.168.1.127 is not in 192.168.1.128/25", { 192, 168, 1, 127 },
	  { 192, 168, 1, 128 }, 25, false },
	{ "10.0.0.1 is in 10.0.0.0/31", { 10, 0, 0, 1 }, { 10 }, 31, true },
	{ "10.0.0.1 is not 10.0.0.0/32", { 10, 0, 0, 1 }, { 10 }, 32, false },
	{ "every address is in 0.0.0.0/0", { 1, 2, 3, 4 }, { }, 0, true },
	{ "fd00::1 is in fd00::/8", { 0xfd, [15] = 1 }, { 0xfd }, 8, true },
	{ "fe00::1 is not in fd00::/8", { 0xfe, [15] = 1 }, { 0xfd }, 8,
	  false },
	{ "::1 is ::1/128", { [15] = 1 }, { [15] = 1 }, 128, true },
	{ "::2 is not ::1/128", { [15] = 2 }, { [15] = 1 }, 128, false },
	{ "2001:db8::8000:0 is not in 2001:db8::/97",
	  { 0x20, 0x01, 0x0d, 0xb8, [12] = 0x80 }, { 0x20, 0x01, 0x0d, 0xb8 },
	  97, false },
	{ "2001:db8::7fff:ffff is in 2001:db8::/97",
	  { 0x20, 0x01, 0x0d, 0xb8, [12] = 0x7f, 0xff, 0xff, 0xff },
	  { 0x20, 0x01, 0x0d, 0xb8 }, 97, true },
	{ "2001:db8:0:1:: is not in 2001:db8::/64",
	  { 0x20, 0x01, 0x0d, 0xb8, [7] = 1 }, { 0x20, 0x01, 0x0d, 0xb8 }, 64,
	  false },
};

/* A hardening class and the action the policy's key gives it. */
struct dg_st_harden {
	const char *what;
	struct dg_st_policy pol;
	u8 class;
	bool alert_only;
	u8 action;
};

static const struct dg_st_harden dg_st_hardens[] __initconst = {
	{ "userns deny blocks user namespaces", { .userns = PRE },
	  C(USERNS), false, BLOCKED },
	{ "execmem detect alerts on executable memory", { .execmem = DET },
	  C(EXECMEM), false, ALERTED },
	{ "procmem deny under alert-only alerts", { .procmem = PRE },
	  C(PROCMEM), true, ALERTED },
	{ "hardening is off unless asked for, whatever else is prevent",
	  { .mode = PRE, .memfd = PRE, .volume = PRE, .mmap = PRE },
	  C(EXECMEM), false, 0 },
	{ "one hardening key does not turn on another", { .userns = PRE },
	  C(PROCMEM), false, 0 },
};

/* A lock case: is @new allowed to replace @old, and if not, why. */
struct dg_st_lock {
	const char *what;
	struct dg_st_policy old, new;
	const char *why;	/* NULL: allowed */
};

static const struct dg_st_lock dg_st_locks[] __initconst = {
	{ "the same policy is allowed",
	  { .mode = PRE, .deny = { "a" } }, { .mode = PRE, .deny = { "a" } },
	  NULL },
	{ "raising every mode is allowed", { },
	  { .mode = PRE, .memfd = PRE, .volume = PRE, .mmap = PRE,
	    .files = DET, .userns = PRE, .execmem = PRE, .procmem = PRE,
	    .metadata = PRE },
	  NULL },
	{ "adding an allow entry is refused", { .allow = { "/a" } },
	  { .allow = { "/a", "/b" } }, "locked: allow entries cannot be added" },
	{ "removing an allow entry is allowed", { .allow = { "/a", "/b" } },
	  { .allow = { "/b" } }, NULL },
	{ "removing a deny entry is refused", { .deny = { "a", "b" } },
	  { .deny = { "b" } }, "locked: deny entries cannot be removed" },
	{ "adding a deny entry is allowed", { .deny = { "a" } },
	  { .deny = { "b", "a" } }, NULL },
	{ "removing a watch entry is refused", { .watch = { "sh" } }, { },
	  "locked: watch entries cannot be removed" },
	{ "adding a watch entry is allowed", { }, { .watch = { "sh" } },
	  NULL },
};

static int __init dg_st_count(const char *const *v, size_t *bytes)
{
	int n;

	for (n = 0; n < DG_ST_LIST && v[n]; n++)
		*bytes += strlen(v[n]) + 1;
	return n;
}

static void __init dg_st_fill(struct dg_policy *pol, struct dg_list *list,
			      const char *const *v, struct dg_pattern **next)
{
	int i;

	list->e = *next;
	for (i = 0; i < DG_ST_LIST && v[i]; i++)
		dg_list_add(pol, list, v[i], strlen(v[i]));
	*next = list->e + list->n;
}

/* A kernel policy from a table row; NULL without memory. */
static struct dg_policy *__init dg_st_build(const struct dg_st_policy *row)
{
	struct dg_pattern *next;
	struct dg_policy *pol;
	size_t bytes = 0;
	u32 n;

	n = dg_st_count(row->allow, &bytes) + dg_st_count(row->deny, &bytes) +
	    dg_st_count(row->watch, &bytes);
	pol = dg_policy_alloc(n, bytes);
	if (!pol)
		return NULL;
	pol->mode = row->mode;
	pol->memfd = row->memfd;
	pol->volume = row->volume;
	pol->mmap = row->mmap;
	pol->files = row->files;
	pol->userns = row->userns;
	pol->execmem = row->execmem;
	pol->procmem = row->procmem;
	pol->metadata = row->metadata;
	next = pol->patterns;
	dg_st_fill(pol, &pol->allow, row->allow, &next);
	dg_st_fill(pol, &pol->deny, row->deny, &next);
	dg_st_fill(pol, &pol->watch, row->watch, &next);
	return pol;
}

/* The verdict for @c, as dg_decide() reaches it. */
static int __init dg_st_run_case(const struct dg_st_case *c)
{
	const char *names[3] = { c->asked, c->view, c->rootfs };
	const char *base = kbasename(c->view), *trusted = c->trusted;
	enum driftguard_class class;
	struct dg_policy *pol;
	u8 mode, action;

	pol = dg_st_build(&c->pol);
	if (!pol)
		return -ENOMEM;
	mode = dg_verdict_class(pol, c->classes, c->use, &class);
	if (dg_verdict_needs_names(pol, c->use, mode)) {
		bool paths = dg_verdict_needs_paths(pol, c->use, mode, base,
						    strlen(base));

		if (!paths) {
			names[1] = NULL;
			names[2] = NULL;
			trusted = NULL;
		}
		if (paths || dg_verdict_asked_may_match(pol, c->use, names[0]))
			mode = dg_verdict_lists(pol, mode, c->use, names, 3,
						trusted, &class);
	}
	action = dg_verdict_action(mode, c->alert_only);
	dg_policy_free(pol);
	if (action == c->action && (!action || class == c->class))
		return 0;
	pr_err("self-test: %s: got action %u class %u, want action %u class %u\n",
	       c->what, action, action ? class : 0, c->action,
	       c->action ? c->class : 0);
	return -EINVAL;
}

/* dg_path_base() of @asked copied @off bytes past a word boundary. */
static int __init dg_st_run_asked_at(const char *asked, unsigned int off)
{
	/* The longest name at any offset, and a word of '/' after it. */
	static char buf[80] __initdata __aligned(sizeof(unsigned long));
	size_t n = strlen(asked);
	const char *want_base, *got_base;
	u32 got_len;

	if (off + n + 1 + 8 > sizeof(buf))
		return -EINVAL;
	/* NULs before it (read but not the string's), '/' after its NUL. */
	memset(buf, 0, off);
	memset(buf + off, '/', sizeof(buf) - off);
	memcpy(buf + off, asked, n + 1);
	want_base = kbasename(buf + off);
	got_base = dg_path_base(buf + off, &got_len);
	if (got_base == want_base && got_len == strlen(want_base) &&
	    dg_path_base_bit(buf + off) ==
	    dg_name_bit(want_base, strlen(want_base)))
		return 0;
	pr_err("self-test: the last component of \"%s\" at offset %u: got byte %td length %u, want byte %td length %zu\n",
	       asked, off, got_base - (buf + off), got_len,
	       want_base - (buf + off), strlen(want_base));
	return -EINVAL;
}

/* dg_st_run_asked_at() at every offset in a word. */
static int __init dg_st_run_asked(const char *asked)
{
	unsigned int off;
	int failed = 0;

	for (off = 0; off < sizeof(unsigned long); off++)
		failed += !!dg_st_run_asked_at(asked, off);
	return failed ? -EINVAL : 0;
}

/*
 * Names of 0 to 17 bytes (around the word boundaries at 8 and 16), each
 * without a '/' and with one first, in the middle or last: one case each.
 */
static int __init dg_st_run_lengths(int *n)
{
	char name[18];
	int len, at, failed = 0;

	for (len = 0; len <= 17; len++) {
		for (at = -1; at < len; at++) {
			if (at > 0 && at != len / 2 && at != len - 1)
				continue;
			memset(name, 0, sizeof(name));
			memcpy(name, "abcdefghijklmnopq", len);
			if (at >= 0)
				name[at] = '/';
			failed += !!dg_st_run_asked(name);
			(*n)++;
		}
	}
	return failed;
}

static int __init dg_st_run_prefix(const struct dg_st_prefix *p)
{
	if (dg_net_prefix_match(p->a, p->b, p->bits) == p->match)
		return 0;
	pr_err("self-test: %s: got %s\n", p->what,
	       p->match ? "no match" : "a match");
	return -EINVAL;
}

static int __init dg_st_run_harden(const struct dg_st_harden *h)
{
	struct dg_policy *pol = dg_st_build(&h->pol);
	u8 action;

	if (!pol)
		return -ENOMEM;
	action = dg_verdict_action(dg_verdict_class_mode(pol, h->class),
				   h->alert_only);
	dg_policy_free(pol);
	if (action == h->action)
		return 0;
	pr_err("self-test: %s: got action %u, want %u\n", h->what, action,
	       h->action);
	return -EINVAL;
}

static int __init dg_st_check_loosens(const char *what,
				      const struct dg_policy *old,
				      const struct dg_policy *new,
				      const char *want)
{
	const char *why = dg_policy_loosens(new, old);

	if ((!why && !want) || (why && want && !strcmp(why, want)))
		return 0;
	pr_err("self-test: %s: got \"%s\", want \"%s\"\n", what,
	       why ?: "allowed", want ?: "allowed");
	return -EINVAL;
}

static int __init dg_st_run_lock(const struct dg_st_lock *l)
{
	struct dg_policy *old = dg_st_build(&l->old);
	struct dg_policy *new = dg_st_build(&l->new);
	int err = -ENOMEM;

	if (old && new)
		err = dg_st_check_loosens(l->what, old, new, l->why);
	dg_policy_free(old);
	dg_policy_free(new);
	return err;
}

/* Lowering any one mode field, and only that, is refused by name. */
static int __init dg_st_run_lowering(const struct dg_mode_field *f)
{
	struct dg_st_policy none = { };
	struct dg_policy *old = dg_st_build(&none);
	struct dg_policy *new = dg_st_build(&none);
	int err = -ENOMEM;

	if (old && new) {
		((u8 *)old)[f->offset] = f->max;
		err = dg_st_check_loosens(f->lowered, old, new, f->lowered);
	}
	dg_policy_free(old);
	dg_policy_free(new);
	return err;
}

int __init dg_selftest(void)
{
	int i, n = 0, failed = 0;

	for (i = 0; i < ARRAY_SIZE(dg_st_cases); i++, n++)
		failed += !!dg_st_run_case(&dg_st_cases[i]);
	for (i = 0; i < ARRAY_SIZE(dg_st_asked); i++, n++)
		failed += !!dg_st_run_asked(dg_st_asked[i]);
	failed += dg_st_run_lengths(&n);
	for (i = 0; i < ARRAY_SIZE(dg_st_prefixes); i++, n++)
		failed += !!dg_st_run_prefix(&dg_st_prefixes[i]);
	for (i = 0; i < ARRAY_SIZE(dg_st_hardens); i++, n++)
		failed += !!dg_st_run_harden(&dg_st_hardens[i]);
	for (i = 0; i < ARRAY_SIZE(dg_st_locks); i++, n++)
		failed += !!dg_st_run_lock(&dg_st_locks[i]);
	for (i = 0; i < DG_MODE_FIELDS; i++, n++)
		failed += !!dg_st_run_lowering(&dg_mode_fields[i]);
	if (failed) {
		pr_err("self-test: %d of %d cases failed; not loading\n",
		       failed, n);
		return -ENOTRECOVERABLE;
	}
	pr_info("self-test: %d cases passed\n", n);
	return 0;
}
