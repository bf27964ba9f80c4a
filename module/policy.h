/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: per-cgroup policies, inherited by descendant cgroups. */
#ifndef DRIFTGUARD_POLICY_H
#define DRIFTGUARD_POLICY_H

#include <linux/atomic.h>
#include <linux/bits.h>
#include <linux/cgroup.h>
#include <linux/ratelimit.h>
#include <linux/rculist.h>
#include <linux/driftguard.h>

struct dg_net_rules;

/* One allow, deny or watch entry. */
struct dg_pattern {
	const char *str;
	u16 len;
	bool is_path;	/* contains '/': matches a full path, else a name */
	u16 base_len;
	const char *base;	/* the last component: all of a name */
};

struct dg_list {
	u16 n;
	u64 names;	/* dg_name_bit() of every entry's last component */
	struct dg_pattern *e;
};

/*
 * One of 64 bits for a name (a path's last component) of @len bytes, from
 * its length and its first and last bytes: a list whose names lack a
 * name's bit has no entry ending in that name, which most names settle
 * without comparing a string.
 */
static inline u64 dg_name_bit(const char *s, u32 len)
{
	if (!len)
		return BIT_ULL(0);
	return BIT_ULL((len * 7 ^ (u8)s[0] ^ (u8)s[len - 1] << 1) & 63);
}

/*
 * A policy is immutable once published: a change publishes a new one and
 * frees the old after a grace period, so a reader under RCU sees either the
 * old or the new policy as a whole.
 */
struct dg_policy {
	struct hlist_node node;
	struct rcu_head rcu;
	u64 cgroup_id;
	u8 mode;	/* class upper */
	u8 memfd;
	u8 volume;
	u8 mmap;
	u8 files;
	/* Hardening, off unless asked for: see enum driftguard_class. */
	u8 userns;
	u8 execmem;
	u8 procmem;
	u8 metadata;	/* class metadata: image files copied up unchanged */
	struct dg_list allow;
	struct dg_list deny;
	struct dg_list watch;
	/* Network drift (net.c): modes, allow lists as given, and parsed. */
	u8 listen;
	u8 connect;
	u8 loopback;	/* 0: loopback exempt; 1: judged like any address */
	struct dg_list listen_allow;
	struct dg_list connect_allow;
	struct dg_net_rules *net;
	/* FILES: rootfs prefixes that may change, and the config ones. */
	struct dg_list writable;
	struct dg_list config;
	/* File-drift events of this policy's cgroups; the only mutable part. */
	struct ratelimit_state files_rs;
	/* Storage of the lists' entries and strings, filled by the parser. */
	char *strings;
	size_t strings_left;
	struct dg_pattern patterns[];
};

/*
 * The mode fields of a policy, one row each: their attribute, highest
 * value, and what a bad or (when locked) lowered value is told.
 */
struct dg_mode_field {
	u16 attr;
	u8 max;
	u8 offset;		/* of the u8 in struct dg_policy */
	const char *invalid;
	const char *lowered;
};

#define DG_MODE_FIELDS 12
extern const struct dg_mode_field dg_mode_fields[DG_MODE_FIELDS];

static inline u8 dg_mode_get(const struct dg_policy *pol,
			     const struct dg_mode_field *f)
{
	return ((const u8 *)pol)[f->offset];
}

/* The policy that applies to @cgrp: its own or its nearest ancestor's. */
const struct dg_policy *dg_policy_find(struct cgroup *cgrp);

/* How many policies are in force; written by policy.c only. */
extern atomic_t dg_npolicies;

/*
 * Fast check for the hooks: with no policies there is nothing to decide.
 * Inline: every exec and executable mapping asks it first.
 */
static inline bool dg_policy_any(void)
{
	return atomic_read(&dg_npolicies) != 0;
}

/*
 * Publishes @pol for its cgroup, replacing any previous policy. With
 * @tighten_only, refuses (-EPERM, @why set) a policy looser than the one
 * in force. Takes ownership of @pol in every case.
 */
int dg_policy_set(struct dg_policy *pol, bool tighten_only, const char **why);
int dg_policy_del(u64 cgroup_id);

/*
 * Calls @fn, under RCU, for every policy from position @pos[0] (bucket),
 * @pos[1] (entry in bucket) on, until @fn returns non-zero; @pos is left
 * at the policy it stopped on, so a netlink dump can resume there.
 */
int dg_policy_walk(unsigned long pos[2],
		   int (*fn)(const struct dg_policy *pol, void *arg), void *arg);
/* The cgroup's own policy, or NULL; the caller is in an RCU read section. */
const struct dg_policy *dg_policy_get(u64 cgroup_id);
u32 dg_policy_count(void);

/*
 * Is @new at least as strict as @old in every field? NULL if so, else what
 * it loosens ("locked: mode cannot be lowered", ...). Never sleeps.
 */
const char *dg_policy_loosens(const struct dg_policy *new,
			      const struct dg_policy *old);

/* A policy with room for @patterns list entries and @bytes of strings. */
struct dg_policy *dg_policy_alloc(u32 patterns, size_t bytes);
void dg_policy_free(struct dg_policy *pol);

/*
 * Appends the entry @str, @len bytes, to @list, copied to @pol's strings
 * (room for both counted by the caller).
 */
void dg_list_add(struct dg_policy *pol, struct dg_list *list,
		 const char *str, size_t len);

bool dg_list_match(const struct dg_list *list, const char *name,
		   const char *path);

/* Does an entry of @list end in the component @name, @len bytes? */
bool dg_list_has_base(const struct dg_list *list, const char *name,
		      u32 len);

void dg_policy_exit(void);

#endif /* DRIFTGUARD_POLICY_H */
