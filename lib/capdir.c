// SPDX-License-Identifier: GPL-2.0
/* driftguard: the directories driftguardd writes files into. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "capdir.h"

int dg_mkdirs(const char *dir)
{
	char tmp[4096], *p;

	if (snprintf(tmp, sizeof(tmp), "%s", dir) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	for (p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0700) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(tmp, 0700) && errno != EEXIST)
		return -errno;
	return 0;
}

static int dg_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A capture file's name: it starts with its time and ends in .json. */
static int dg_capture_name(const char *name)
{
	size_t len = strlen(name);

	return len >= 5 && isdigit((unsigned char)name[0]) &&
	       !strcmp(name + len - 5, ".json");
}

int dg_capture_names(const char *dir, char ***names, size_t *n)
{
	char **v = NULL, **more;
	size_t cap = 0, i = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	*names = NULL;
	*n = 0;
	if (!d)
		return -errno;
	while ((de = readdir(d))) {
		if (!dg_capture_name(de->d_name))
			continue;
		if (i == cap) {
			cap = cap ? cap * 2 : 64;
			more = realloc(v, cap * sizeof(*v));
			if (!more)
				break;
			v = more;
		}
		v[i] = strdup(de->d_name);
		if (v[i])
			i++;
	}
	closedir(d);
	if (i)
		qsort(v, i, sizeof(*v), dg_name_cmp);
	*names = v;
	*n = i;
	return 0;
}

void dg_capture_names_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
