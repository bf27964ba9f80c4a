// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the nearest known word to a mistyped one. */
#include <string.h>

#include "suggest.h"

static unsigned int dg_min3(unsigned int a, unsigned int b, unsigned int c)
{
	unsigned int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Optimal string alignment distance, over three rows of the usual table. */
unsigned int dg_edit_distance(const char *a, const char *b)
{
	unsigned int rows[3][DG_SUGGEST_MAX + 1];
	unsigned int *pp = rows[0], *p = rows[1], *r = rows[2], *t;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > DG_SUGGEST_MAX || lb > DG_SUGGEST_MAX)
		return (unsigned int)-1;
	for (j = 0; j <= lb; j++)
		p[j] = (unsigned int)j;
	for (i = 1; i <= la; i++) {
		r[0] = (unsigned int)i;
		for (j = 1; j <= lb; j++) {
			unsigned int cost = a[i - 1] != b[j - 1];

			r[j] = dg_min3(p[j] + 1, r[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < r[j])
				r[j] = pp[j - 2] + 1;
		}
		t = pp;
		pp = p;
		p = r;
		r = t;
	}
	return p[lb];
}

const char *dg_suggest(const char *word, const char *const *v, size_t n)
{
	const char *best = NULL;
	unsigned int best_d = (unsigned int)-1;
	size_t lw = strlen(word), i;

	if (!lw)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t lv = strlen(v[i]), longer = lw > lv ? lw : lv;
		unsigned int d = dg_edit_distance(word, v[i]), limit;

		/*
		 * A hurried typist leaves a prefix ("alert"), a thorough one
		 * spells a word out ("delete" for "del"): either is one edit.
		 */
		if ((lw >= 2 && lw < lv && !strncmp(word, v[i], lw)) ||
		    (lv >= 3 && lv < lw && !strncmp(word, v[i], lv)))
			d = 1;
		limit = longer / 3 ? (unsigned int)(longer / 3) : 1;
		if (d <= limit && d < best_d) {
			best = v[i];
			best_d = d;
		}
	}
	return best;
}
