/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: the nearest known word to a mistyped one. */
#ifndef DG_SUGGEST_H
#define DG_SUGGEST_H

#include <stddef.h>

/*
 * Edits that turn @a into @b: insertions, deletions, substitutions and
 * swaps of two neighbouring characters ("stauts" is 1 from "status").
 * Words longer than DG_SUGGEST_MAX characters count as infinitely far.
 */
#define DG_SUGGEST_MAX	64
unsigned int dg_edit_distance(const char *a, const char *b);

/*
 * Of the @n words @v, the one @word was most likely meant to be, for a
 * "did you mean" hint, or NULL when none is near enough: a word @word
 * begins (two characters at least: "alert" for "alert-only"), a word
 * @word begins with (three at least: "del" for "delete"), or one at most
 * a third of the longer word's length away, and at least 1 ("stauts" for
 * "status"). Ties go to the earlier word.
 */
const char *dg_suggest(const char *word, const char *const *v, size_t n);

#endif /* DG_SUGGEST_H */
