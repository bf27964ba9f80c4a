/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: deny entries that a multi-call binary walks around. */
#ifndef DG_MULTICALL_H
#define DG_MULTICALL_H

#include <stdio.h>

/*
 * The multi-call binaries that carry @entry as an applet ("busybox" or
 * "busybox, toybox"), or NULL. Only a name entry (no '/') can be one: the
 * module matches deny entries against the file run and the names it goes
 * by, and "busybox wget" runs the file busybox, not one named wget.
 */
const char *dg_multicall_of(const char *entry);

/*
 * Writes to @out, after @prefix, one warning for each of the @n deny
 * entries in @deny that a multi-call binary can run all the same, saying
 * what to deny instead. Returns how many it wrote.
 */
int dg_multicall_warn(FILE *out, const char *prefix, char *const *deny, int n);

#endif /* DG_MULTICALL_H */
