/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard: the directories driftguardd writes files into. */
#ifndef DG_CAPDIR_H
#define DG_CAPDIR_H

#include <stddef.h>

/* Creates @dir and its missing parents (mode 0700): 0 or -errno. */
int dg_mkdirs(const char *dir);

/*
 * The capture files of @dir (names "<time>-<container>.json", which sort
 * by time), sorted: 0 with *@names (free with dg_capture_names_free) and
 * *@n set, -ENOENT when @dir does not exist, another -errno when it cannot
 * be read. Out of memory ends the list early.
 */
int dg_capture_names(const char *dir, char ***names, size_t *n);
void dg_capture_names_free(char **names, size_t n);

#endif /* DG_CAPDIR_H */
