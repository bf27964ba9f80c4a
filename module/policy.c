// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: per-cgroup policies, inherited by descendant cgroups.
 *
 * Policies live in a hash table keyed by cgroup id. Readers (the hooks) walk
 * from the task's cgroup to the root under RCU, one lookup per level, so the
 * cost depends on the cgroup's depth and never on how many policies exist.
 * Writers serialise on dg_policy_mutex and publish whole policies.
 */
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "anchor.h"
#include "policy.h"

/* 16384 buckets: 10,000 policies average under one entry per bucket. */
#define DG_POLICY_HASH_BITS 14

static DEFINE_HASHTABLE(dg_policies, DG_POLICY_HASH_BITS);
static DEFINE_MUTEX(dg_policy_mutex);
atomic_t dg_npolicies = ATOMIC_INIT(0);

#define DG_MODE_FIELD(field, a, m, values)				\
	{								\
		.attr = DRIFTGUARD_A_##a,				\
		.max = DRIFTGUARD_MODE_##m,				\
		.offset = offsetof(struct dg_policy, field),		\
		.invalid = #field ": must be " values,			\
		.lowered = "locked: " #field " cannot be lowered",	\
	}

const struct dg_mode_field dg_mode_fields[DG_MODE_FIELDS] = {
	DG_MODE_FIELD(mode, MODE, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(memfd, MEMFD, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(volume, VOLUME, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(mmap, MMAP, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(files, FILES, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(userns, USERNS, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(execmem, EXECMEM, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(procmem, PROCMEM, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(metadata, METADATA, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(listen, LISTEN, PREVENT, "off, detect or prevent"),
	DG_MODE_FIELD(connect, CONNECT, PREVENT, "off, detect or prevent"),
	{
		.attr = DRIFTGUARD_A_LOOPBACK,
		.max = 1,
		.offset = offsetof(struct dg_policy, loopback),
		.invalid = "loopback: must be 0 (exempt) or 1 (judged)",
		.lowered = "locked: loopback cannot be exempted again",
	},
};

/* File-drift events: at most this many per interval per policy. */
#define DG_FILES_BURST 100

struct dg_policy *dg_policy_alloc(u32 patterns, size_t bytes)
{
	struct dg_policy *pol;
	size_t size;

	size = struct_size(pol, patterns, patterns);
	if (size == SIZE_MAX || size + bytes < size)
		return NULL;
	pol = kzalloc(size + bytes, GFP_KERNEL);
	if (!pol)
		return NULL;
	pol->strings = (char *)&pol->patterns[patterns];
	pol->strings_left = bytes;
	ratelimit_state_init(&pol->files_rs, HZ, DG_FILES_BURST);
	ratelimit_set_flags(&pol->files_rs, RATELIMIT_MSG_ON_RELEASE);
	return pol;
}

void dg_policy_free(struct dg_policy *pol)
{
	kfree(pol->net);
	kfree(pol);
}

static void dg_policy_free_rcu(struct rcu_head *rcu)
{
	dg_policy_free(container_of(rcu, struct dg_policy, rcu));
}

u32 dg_policy_count(void)
{
	return atomic_read(&dg_npolicies);
}

const struct dg_policy *dg_policy_get(u64 cgroup_id)
{
	struct dg_policy *pol;

	hash_for_each_possible_rcu(dg_policies, pol, node, cgroup_id)
		if (pol->cgroup_id == cgroup_id)
			return pol;
	return NULL;
}

/*
 * The caller is in an RCU read-side section (rcu_read_lock(), or
 * rcu_read_lock_sched()), which also keeps the ancestors alive.
 */
const struct dg_policy *dg_policy_find(struct cgroup *cgrp)
{
	const struct dg_policy *pol;

	for (; cgrp; cgrp = cgroup_parent(cgrp)) {
		pol = dg_policy_get(cgroup_id(cgrp));
		if (pol)
			return pol;
	}
	return NULL;
}

static bool dg_list_contains(const struct dg_list *list,
			     const struct dg_pattern *p)
{
	u16 i;

	for (i = 0; i < list->n; i++)
		if (list->e[i].len == p->len && !strcmp(list->e[i].str, p->str))
			return true;
	return false;
}

/* Is every entry of @a also in @b? */
static bool dg_list_subset(const struct dg_list *a, const struct dg_list *b)
{
	u16 i;

	for (i = 0; i < a->n; i++)
		if (!dg_list_contains(b, &a->e[i]))
			return false;
	return true;
}

const char *dg_policy_loosens(const struct dg_policy *new,
			      const struct dg_policy *old)
{
	const struct dg_mode_field *f;

	for (f = dg_mode_fields; f < dg_mode_fields + DG_MODE_FIELDS; f++)
		if (dg_mode_get(new, f) < dg_mode_get(old, f))
			return f->lowered;
	if (!dg_list_subset(&new->allow, &old->allow))
		return "locked: allow entries cannot be added";
	if (!dg_list_subset(&old->deny, &new->deny))
		return "locked: deny entries cannot be removed";
	if (!dg_list_subset(&old->watch, &new->watch))
		return "locked: watch entries cannot be removed";
	if (!dg_list_subset(&new->listen_allow, &old->listen_allow))
		return "locked: listen_allow entries cannot be added";
	if (!dg_list_subset(&new->connect_allow, &old->connect_allow))
		return "locked: connect_allow entries cannot be added";
	/* Before prevent, any writable list only adds refusals. */
	if (old->files == DRIFTGUARD_MODE_PREVENT &&
	    !dg_list_subset(&new->writable, &old->writable))
		return "locked: writable entries cannot be added";
	if (!dg_list_subset(&old->config, &new->config))
		return "locked: config entries cannot be removed";
	return NULL;
}

/* The policy in force for the cgroup @id (own or inherited); mutex held. */
static const struct dg_policy *dg_policy_effective(u64 id)
{
	const struct dg_policy *pol;
	struct cgroup *cgrp;

	cgrp = cgroup_get_from_id(id);
	if (IS_ERR(cgrp))
		return NULL;
	rcu_read_lock();
	pol = dg_policy_find(cgrp);
	rcu_read_unlock();
	cgroup_put(cgrp);
	/* Writers hold dg_policy_mutex, so @pol cannot be freed under us. */
	return pol;
}

int dg_policy_set(struct dg_policy *pol, bool tighten_only, const char **why)
{
	struct dg_policy *old;
	const struct dg_policy *cur;
	bool first = false;

	mutex_lock(&dg_policy_mutex);
	if (tighten_only) {
		cur = dg_policy_effective(pol->cgroup_id);
		*why = cur ? dg_policy_loosens(pol, cur) : NULL;
		if (*why) {
			mutex_unlock(&dg_policy_mutex);
			dg_policy_free(pol);
			return -EPERM;
		}
	}
	old = (struct dg_policy *)dg_policy_get(pol->cgroup_id);
	if (old) {
		hlist_replace_rcu(&old->node, &pol->node);
		call_rcu(&old->rcu, dg_policy_free_rcu);
	} else {
		hash_add_rcu(dg_policies, &pol->node, pol->cgroup_id);
		first = atomic_inc_return(&dg_npolicies) == 1;
	}
	mutex_unlock(&dg_policy_mutex);
	/*
	 * Anchoring starts now: the containers already running get theirs
	 * (anchor.c). After the policy is visible, so a container starting
	 * meanwhile is anchored by its own exec if not by the scan.
	 */
	if (first)
		dg_anchor_scan();
	return 0;
}

int dg_policy_del(u64 cgroup_id)
{
	struct dg_policy *old;

	mutex_lock(&dg_policy_mutex);
	old = (struct dg_policy *)dg_policy_get(cgroup_id);
	if (old) {
		hash_del_rcu(&old->node);
		atomic_dec(&dg_npolicies);
		call_rcu(&old->rcu, dg_policy_free_rcu);
	}
	mutex_unlock(&dg_policy_mutex);
	return old ? 0 : -ENOENT;
}

int dg_policy_walk(unsigned long pos[2],
		   int (*fn)(const struct dg_policy *pol, void *arg), void *arg)
{
	struct dg_policy *pol;
	unsigned long idx;
	int err = 0;

	rcu_read_lock();
	for (; pos[0] < HASH_SIZE(dg_policies); pos[0]++, pos[1] = 0) {
		idx = 0;
		hlist_for_each_entry_rcu(pol, &dg_policies[pos[0]], node) {
			if (idx++ < pos[1])
				continue;
			err = fn(pol, arg);
			if (err)
				goto out;
			pos[1]++;
		}
	}
out:
	rcu_read_unlock();
	return err;
}

void dg_list_add(struct dg_policy *pol, struct dg_list *list,
		 const char *str, size_t len)
{
	struct dg_pattern *p = &list->e[list->n++];

	memcpy(pol->strings, str, len);
	pol->strings[len] = '\0';
	p->str = pol->strings;
	p->len = len;
	p->is_path = !!memchr(str, '/', len);
	p->base = kbasename(p->str);
	p->base_len = len - (p->base - p->str);
	list->names |= dg_name_bit(p->base, p->base_len);
	pol->strings += len + 1;
}

bool dg_list_has_base(const struct dg_list *list, const char *name,
		      u32 len)
{
	u16 i;

	if (!(list->names & dg_name_bit(name, len)))
		return false;
	for (i = 0; i < list->n; i++)
		if (list->e[i].base_len == len &&
		    !memcmp(list->e[i].base, name, len))
			return true;
	return false;
}

bool dg_list_match(const struct dg_list *list, const char *name,
		   const char *path)
{
	u16 i;

	for (i = 0; i < list->n; i++) {
		const char *want = list->e[i].is_path ? path : name;

		if (want && !strcmp(list->e[i].str, want))
			return true;
	}
	return false;
}

/* Called once the hooks are gone: nobody reads the table any more. */
void dg_policy_exit(void)
{
	struct dg_policy *pol;
	struct hlist_node *tmp;
	int bkt;

	mutex_lock(&dg_policy_mutex);
	hash_for_each_safe(dg_policies, bkt, tmp, pol, node) {
		hash_del_rcu(&pol->node);
		call_rcu(&pol->rcu, dg_policy_free_rcu);
	}
	atomic_set(&dg_npolicies, 0);
	mutex_unlock(&dg_policy_mutex);
	rcu_barrier();
}
