/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: one policy, its rules, and its netlink form. */
#ifndef DG_POLICY_H
#define DG_POLICY_H

/*
 * struct dg_policy is the one shape of a policy in userspace: the policy
 * files fill it (config.c), driftguardd sends it (sync.c) and compares the
 * kernel's with it, driftctl builds it from its options and prints the
 * kernel's through it. dg_policy_encode() is the only writer of its netlink
 * attributes, dg_policy_decode() the only reader; every list entry passes
 * dg_pattern_check(), the userspace twin of the module's dg_list_check().
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/driftguard.h>

struct nl_msg;
struct nlattr;

#define DG_POLICY_NAME_MAX	63

enum dg_severity {
	DG_SEVERITY_HIGH,
	DG_SEVERITY_MEDIUM,
	DG_SEVERITY_LOW,
	DG_SEVERITY_INFO,
	__DG_SEVERITY_MAX,
};

/* Which records a policy's response acts on (bits of response_on). */
enum {
	DG_ON_BLOCKED = 1 << 0,
	DG_ON_ALERTED = 1 << 1,
	DG_ON_WATCHED = 1 << 2,
};

enum dg_response {
	DG_RESPONSE_NONE,
	DG_RESPONSE_KILL,
	DG_RESPONSE_STOP,
	DG_RESPONSE_PAUSE,
	__DG_RESPONSE_MAX,
};

struct dg_list {
	char **v;
	int n;
};

/*
 * A policy. What the kernel holds is the modes and the three pattern lists;
 * the rest is driftguardd's (name and place in the policy files, what to do
 * with a record) and stays zero where a policy comes from driftctl or the
 * kernel.
 */
struct dg_policy {
	char *name;
	char *cgroup;			/* relative to the cgroup2 mount */
	char *file;			/* where the section is, for messages */
	int line;
	int mode, memfd, volume, mmap, files;	/* enum driftguard_mode */
	int metadata;				/* the same */
	int userns, execmem, procmem;		/* hardening, the same */
	int listen, connect;			/* network drift, the same */
	int loopback_judged;	/* 0: loopback exempt (loopback = yes) */
	struct dg_list allow, deny, watch;
	struct dg_list listen_allow, connect_allow;	/* netrule.h */
	struct dg_list writable, config;	/* rootfs prefixes (files) */
	struct dg_list files_exclude;
	enum dg_severity severity;
	char *runbook;			/* "": none */
	enum dg_response response;
	unsigned int response_on;	/* DG_ON_* bits */
	bool capture;			/* driftguardd's, not the kernel's */
	bool require_digest;		/* the same */
};

/* Whether a policy with @pol's response acts on a record. */
bool dg_response_applies(const struct dg_policy *pol, int action, int class,
			 bool alert_only);

/* Frees what @pol holds (not @pol) and leaves it empty. */
void dg_policy_free(struct dg_policy *pol);

void dg_list_free(struct dg_list *l);
/* Appends a copy of @len bytes of @s; 0 or -ENOMEM. No rule is checked. */
int dg_list_add(struct dg_list *l, const char *s, size_t len);

/*
 * The policy's modes, one row each: the policy files, driftguardd's request
 * and its comparison with the kernel's policy, driftctl's options and output
 * all walk this table, in its order. The hardening keys (userns, execmem,
 * procmem) name DRIFTGUARD_MODE_PREVENT "deny" and take "prevent" for it.
 */
struct dg_mode_key {
	const char *name;	/* policy key, driftctl option, JSON key */
	int attr;		/* DRIFTGUARD_A_* */
	size_t offset;		/* of its int in struct dg_policy */
	int max;		/* the highest value, DRIFTGUARD_MODE_* */
	bool deny;		/* DRIFTGUARD_MODE_PREVENT is named "deny" */
};

#define DG_MODE_KEYS	11
extern const struct dg_mode_key dg_mode_keys[DG_MODE_KEYS];

/* The row of policy key @name, or of attribute @attr; NULL if none. */
const struct dg_mode_key *dg_mode_key_named(const char *name);
const struct dg_mode_key *dg_mode_key_of_attr(int attr);
/* The mode @value names for key @k, or -1 when @k does not take it. */
int dg_mode_key_parse(const struct dg_mode_key *k, const char *value);
/* The name of @mode for key @k ("deny" for a hardening key's prevent). */
const char *dg_mode_key_value(const struct dg_mode_key *k, int mode);
/* What @k takes, for messages: "off, detect or prevent". */
const char *dg_mode_key_accepts(const struct dg_mode_key *k);
/* @pol's value of @k, and a place to set it. */
int dg_policy_mode(const struct dg_policy *pol, const struct dg_mode_key *k);
int *dg_policy_mode_ptr(struct dg_policy *pol, const struct dg_mode_key *k);

/*
 * The rules a list entry (ALLOW, DENY, WATCH) must keep, in the order the
 * module checks them (module/netlink.c, dg_list_check()). Each row has the
 * errno and the extack text the module refuses a breach with: the unit test
 * test_policy.c and tests/tools/badmsg (against the loaded module) check
 * both sides against this one table.
 */
enum dg_pattern_rule_id {
	DG_RULE_LENGTH,		/* at most DRIFTGUARD_PATTERN_MAX - 1 bytes */
	DG_RULE_EMPTY,		/* not "" */
	DG_RULE_SLASH,		/* a '/' only in an absolute path */
	DG_RULE_COUNT,		/* at most DRIFTGUARD_LIST_MAX entries */
	__DG_RULE_MAX,
};

struct dg_pattern_rule {
	const char *name;	/* badmsg's name of the case */
	int err;		/* the module's errno, negative */
	const char *kernel;	/* the module's extack message */
};

extern const struct dg_pattern_rule dg_pattern_rules[__DG_RULE_MAX];

/*
 * Whether the @len bytes at @s may be entry number @n + 1 of a list that
 * holds @n: -1 when they may, else the dg_pattern_rule_id they break.
 */
int dg_pattern_check(int n, const char *s, size_t len);

/*
 * The message for entry @s (@len bytes) of list @key breaking @rule, as the
 * policy files and driftctl say it: "deny: more than 64 entries".
 */
void dg_pattern_explain(int rule, const char *key, const char *s, size_t len,
			char *buf, size_t size);

/*
 * Whether @s may be entry number @n + 1 of the network list @attr
 * (DRIFTGUARD_A_LISTEN_ALLOW or _CONNECT_ALLOW): NULL if so, else the
 * module's own message (module/netrule.h), which names the list.
 */
const char *dg_netrule_check(int attr, int n, const char *s);

/*
 * Adds the default writable (/tmp /var/tmp /run /var/cache /var/log) and
 * config (/etc) prefixes to @pol's lists, those asked for. -ENOMEM or 0.
 */
int dg_policy_default_prefixes(struct dg_policy *pol, bool writable,
			       bool config);

/*
 * Whether @s (@len bytes) may be entry number @n + 1 of a writable or
 * config list (the module's dg_files_prefixes_check(), after the pattern
 * rules): NULL when it may, else why not, for @key, in @buf.
 */
const char *dg_prefix_check(const char *key, int n, const char *s, size_t len,
			    char *buf, size_t size);

/*
 * Checks @pol whole: every mode within its key's range, every list entry by
 * the rules. Returns 0, or -EINVAL / -E2BIG with the message in @err.
 */
int dg_policy_validate(const struct dg_policy *pol, char *err, size_t size);

/*
 * Adds @pol's kernel part to a POLICY_SET request: a mode that is off is
 * left out (absent means off, and so a module from before a key existed,
 * a DKMS build not redone yet, still takes a policy that does not use it),
 * an empty list too. Returns 0, -EINVAL when @pol breaks a rule (checked
 * with dg_policy_validate) or -EMSGSIZE when @msg has no room.
 */
int dg_policy_encode(struct nl_msg *msg, const struct dg_policy *pol);

/*
 * Fills @pol (and @cgroup_id, if not NULL) from the attributes @tb of a
 * POLICY_GET reply: absent modes are off, absent lists empty. @pol is
 * overwritten, not freed first; free it with dg_policy_free(). Returns 0 or
 * -ENOMEM.
 */
int dg_policy_decode(struct nlattr **tb, struct dg_policy *pol,
		     uint64_t *cgroup_id);

/* Whether @a and @b ask the kernel for the same: modes and lists. */
bool dg_policy_same(const struct dg_policy *a, const struct dg_policy *b);

#endif /* DG_POLICY_H */
