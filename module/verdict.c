// SPDX-License-Identifier: GPL-2.0
/* driftguard: the verdict, as pure functions (see verdict.h). */
#include <linux/minmax.h>
#include <linux/string.h>

#include "layer.h"
#include "verdict.h"

u8 dg_verdict_class_mode(const struct dg_policy *pol, unsigned int class)
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
	default:
		return DRIFTGUARD_MODE_OFF;
	}
}

u8 dg_verdict_class(const struct dg_policy *pol, unsigned int classes,
		    enum dg_use use, enum driftguard_class *class)
{
	unsigned int c;
	u8 mode = DRIFTGUARD_MODE_OFF, m;

	*class = DRIFTGUARD_CLASS_NONE;
	for (c = DRIFTGUARD_CLASS_UPPER; c <= DRIFTGUARD_CLASS_VOLUME; c++) {
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

bool dg_verdict_needs_names(const struct dg_policy *pol, enum dg_use use,
			    u8 mode)
{
	return pol->deny.n || (use == DG_USE_EXEC && pol->watch.n) ||
	       (mode && pol->allow.n);
}

/* Does any entry of @list match one of @n names or paths of the file? */
static bool dg_lists_match(const struct dg_list *list,
			   const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (names[i] && dg_list_match(list, kbasename(names[i]),
					      names[i]))
			return true;
	return false;
}

u8 dg_verdict_lists(const struct dg_policy *pol, u8 mode, enum dg_use use,
		    const char *const *names, int n, const char *trusted,
		    enum driftguard_class *class)
{
	if (pol->deny.n && dg_lists_match(&pol->deny, names, n)) {
		*class = DRIFTGUARD_CLASS_PROHIBITED;
		return DRIFTGUARD_MODE_PREVENT;
	}
	if (mode && pol->allow.n && trusted &&
	    dg_list_match(&pol->allow, NULL, trusted))
		mode = DRIFTGUARD_MODE_OFF;
	if (!mode && use == DG_USE_EXEC && pol->watch.n &&
	    dg_lists_match(&pol->watch, names, n)) {
		*class = DRIFTGUARD_CLASS_WATCHED;
		return DRIFTGUARD_MODE_DETECT;
	}
	return mode;
}
