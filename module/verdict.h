/* SPDX-License-Identifier: GPL-2.0 */
/*
 * driftguard: the verdict, as pure functions of a policy and the facts a
 * hook gathered. No task, lock, clock or global is read here: the same
 * inputs always give the same answer, which is what the self-test table
 * (selftest.c) checks at every load. The small ones are inline: they are
 * on every exec's path.
 */
#ifndef DRIFTGUARD_VERDICT_H
#define DRIFTGUARD_VERDICT_H

#include <linux/bitops.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include "layer.h"
#include "policy.h"

/* How a file is being started. */
enum dg_use {
	DG_USE_EXEC,		/* execve of it, or a script's interpreter */
	DG_USE_EXEC_MAP,	/* mapped by the kernel while it runs an exec */
	DG_USE_MAP,		/* a PROT_EXEC mapping a program asked for */
};

/* The mode a policy gives a class (a hardening class too); OFF if none. */
static inline u8 dg_verdict_class_mode(const struct dg_policy *pol,
				       unsigned int class)
{
	switch (class) {
	case DRIFTGUARD_CLASS_UPPER:
		return pol->mode;
	case DRIFTGUARD_CLASS_MEMFD:
		return pol->memfd;
	case DRIFTGUARD_CLASS_VOLUME:
		return pol->volume;
	case DRIFTGUARD_CLASS_USERNS:
		return pol->userns;
	case DRIFTGUARD_CLASS_EXECMEM:
		return pol->execmem;
	case DRIFTGUARD_CLASS_PROCMEM:
		return pol->procmem;
	case DRIFTGUARD_CLASS_METADATA:
		return pol->metadata;
	default:
		return DRIFTGUARD_MODE_OFF;
	}
}

/* The classes a file can have, in the order that wins a tie. */
static const u8 dg_file_classes[] = {
	DRIFTGUARD_CLASS_UPPER, DRIFTGUARD_CLASS_MEMFD, DRIFTGUARD_CLASS_VOLUME,
	DRIFTGUARD_CLASS_METADATA,
};

/*
 * The mode the file's classes get: the strictest among the classes in
 * @classes (DG_CLASS_BIT()s of upper, memfd, volume, metadata), with
 * @class set to the class it comes from (on a tie the earlier class in
 * dg_file_classes wins: an upper-layer file is reported as upper). A
 * mapping a program asks for is capped by the policy's mmap mode; what the
 * kernel maps during exec is the exec.
 */
static inline u8 dg_verdict_class(const struct dg_policy *pol,
				  unsigned int classes, enum dg_use use,
				  enum driftguard_class *class)
{
	unsigned int i, c;
	u8 mode = DRIFTGUARD_MODE_OFF, m;

	*class = DRIFTGUARD_CLASS_NONE;
	for (i = 0; classes && i < ARRAY_SIZE(dg_file_classes); i++) {
		c = dg_file_classes[i];
		if (!(classes & DG_CLASS_BIT(c)))
			continue;
		m = dg_verdict_class_mode(pol, c);
		if (*class == DRIFTGUARD_CLASS_NONE || m > mode) {
			mode = m;
			*class = c;
		}
	}
	if (use == DG_USE_MAP)
		mode = min(mode, pol->mmap);
	return mode;
}

/*
 * Do the lists need the file's names, given the mode from
 * dg_verdict_class()? Building them (d_path) is the costly part.
 */
static inline bool dg_verdict_needs_names(const struct dg_policy *pol,
					  enum dg_use use, u8 mode)
{
	return pol->deny.n || (use == DG_USE_EXEC && pol->watch.n) ||
	       (mode && pol->allow.n);
}

/*
 * Once dg_verdict_needs_names() says yes: must the file's paths (from the
 * task's root, in the rootfs) be built, or is the name asked for enough?
 * Both paths end in the file's own name, @base of @len bytes (the caller
 * says otherwise when they may not), so a deny or (at exec) watch entry
 * can only match one of them if its last component is @base; an allow
 * entry needs the trusted path whenever there is a mode to lift. Most
 * files match nothing, and their paths, the costly part, are never built.
 */
static inline bool dg_verdict_needs_paths(const struct dg_policy *pol,
					  enum dg_use use, u8 mode,
					  const char *base, u32 len)
{
	u64 bit;

	if (mode && pol->allow.n)
		return true;
	/* One bit for both lists; a list is walked only if it has it. */
	bit = dg_name_bit(base, len);
	return ((pol->deny.names & bit) &&
		dg_list_has_base(&pol->deny, base, len)) ||
	       (use == DG_USE_EXEC && (pol->watch.names & bit) &&
		dg_list_has_base(&pol->watch, base, len));
}

/*
 * The last component of @path (what follows its last '/': all of it
 * without one, nothing after a trailing one), as kbasename(), with its
 * length in @len, as strlen() of that: in one walk instead of two.
 *
 * A word at a time where words are little-endian: the bytes of a word
 * that are NUL, and those that are '/', as the 0x80 bit of each (exact
 * for '/': no borrow between bytes, so the last one counts), limited to
 * the bytes before the first NUL. The reads are aligned words, from the
 * one holding @path[0] to the one holding its NUL, through
 * read_word_at_a_time() (the bytes outside the string that they also
 * read are not the string's, which KASAN would otherwise report; it
 * checks the word's first byte, which is the string's: exec's names start
 * a slab object, or iname at an aligned offset in one). An aligned word
 * never crosses a page, and each one read holds a byte of the string, so
 * each lies in a page the string is in: no read can fault, whatever
 * follows the string (what lib/string.c's strscpy() relies on for its
 * own word reads). The bytes before @path in the first word are made
 * 0xff, neither NUL nor '/'; those after the NUL are masked off.
 */
static inline const char *dg_path_base(const char *path, u32 *len)
{
#ifdef __LITTLE_ENDIAN
	const unsigned long ones = REPEAT_BYTE(0x01), lows = REPEAT_BYTE(0x7f);
	const unsigned long slashes = REPEAT_BYTE('/');
	unsigned int off = (unsigned long)path % sizeof(unsigned long);
	const char *w = path - off, *base = path;
	unsigned long v, nul, slash;

	v = read_word_at_a_time(w);
	if (off)
		v |= ~0UL >> (BITS_PER_LONG - 8 * off);
	for (;;) {
		/* Exact at the first NUL, which is all that counts here. */
		nul = (v - ones) & ~v & ~lows;
		slash = v ^ slashes;
		slash = ~(((slash & lows) + lows) | slash | lows);
		if (nul) {
			slash &= (nul - 1) & ~nul;
			if (slash)
				base = w + __fls(slash) / 8 + 1;
			*len = w + __ffs(nul) / 8 - base;
			return base;
		}
		if (slash)
			base = w + __fls(slash) / 8 + 1;
		w += sizeof(unsigned long);
		v = read_word_at_a_time(w);
	}
#else
	const char *base = path, *p;

	for (p = path; *p; p++)
		if (*p == '/')
			base = p + 1;
	*len = p - base;
	return base;
#endif
}

/* dg_name_bit() of dg_path_base() of @path. */
static inline u64 dg_path_base_bit(const char *path)
{
	const char *base;
	u32 len;

	base = dg_path_base(path, &len);
	return dg_name_bit(base, len);
}

/*
 * When the paths are not built: can the name asked for, @asked, still match
 * a deny or (at exec) watch entry? Only if its last component is some
 * entry's (a full-path entry equal to @asked ends in it too), which the
 * lists' name bits rule out for most names without a string compare.
 */
static inline bool dg_verdict_asked_may_match(const struct dg_policy *pol,
					      enum dg_use use,
					      const char *asked)
{
	u64 bit;

	if (!asked)
		return false;
	bit = dg_path_base_bit(asked);
	return (pol->deny.names & bit) ||
	       (use == DG_USE_EXEC && (pol->watch.names & bit));
}

/*
 * Applies the lists to @mode: a deny entry matching any of the @n @names
 * (the name asked for, the path from the task's root, the path in the
 * rootfs; NULL entries skipped) prohibits the file (PREVENT, class
 * prohibited); otherwise an allow entry equal to @trusted (the one path
 * the container cannot choose, or NULL) lifts the mode to OFF; then a
 * file still allowed at exec that a watch entry matches is reported
 * (DETECT, class watched). Deny beats allow beats watch.
 */
u8 dg_verdict_lists(const struct dg_policy *pol, u8 mode, enum dg_use use,
		    const char *const *names, int n, const char *trusted,
		    enum driftguard_class *class);

/* What @mode comes to: 0 (allowed), ALERTED or BLOCKED. */
static inline u8 dg_verdict_action(u8 mode, bool alert_only)
{
	if (mode == DRIFTGUARD_MODE_OFF)
		return 0;
	if (mode == DRIFTGUARD_MODE_PREVENT && !alert_only)
		return DRIFTGUARD_ACTION_BLOCKED;
	return DRIFTGUARD_ACTION_ALERTED;
}

/* Runs the self-test table; 0 when every case passed. */
int dg_selftest(void);

#endif /* DRIFTGUARD_VERDICT_H */
