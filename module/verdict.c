// SPDX-License-Identifier: GPL-2.0
/* driftguard: the verdict, as pure functions (see verdict.h). */
#include <linux/string.h>

#include "verdict.h"

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
