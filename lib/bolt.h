/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: read-only lookups in a bbolt database file (containerd's meta.db). */
#ifndef DG_BOLT_H
#define DG_BOLT_H

#include <stddef.h>
#include <stdint.h>

/*
 * containerd keeps what a container was created from (its image, and the
 * image's target and content) in a bbolt file, meta.db, and nowhere else on
 * disk. This reads it as bbolt lays it out (go.etcd.io/bbolt: two meta
 * pages, the one of the newest transaction whose checksum holds naming the
 * root bucket; branch and leaf pages; a bucket as a value, inline when
 * small), with pread and no lock: containerd keeps its exclusive lock and
 * writes on. A page that a concurrent write has reused since the meta page
 * was read gives an error, never a wrong answer outside the page bounds.
 */

#define DG_BOLT_DEPTH_MAX	32		/* tree levels followed */
#define DG_BOLT_PAGE_MAX	(16u << 20)	/* bytes of one page read */

struct dg_bolt {
	int fd;
	uint32_t psize;
	uint64_t root;		/* the root bucket's page */
	uint64_t npages;	/* in the file when opened */
};

/* Opens @path; 0, or -errno (-EBADMSG: not a bbolt file or no valid meta). */
int dg_bolt_open(const char *path, struct dg_bolt *db);
void dg_bolt_close(struct dg_bolt *db);

/*
 * The value at @path (@n keys: the buckets, then the key) as a string in
 * @out: 0, -ENOENT (a key is not there, or a bucket is not one),
 * -ENAMETOOLONG (the value does not fit), -EBADMSG (a page out of shape).
 */
int dg_bolt_get(const struct dg_bolt *db, const char *const *path, int n,
		char *out, size_t size);

/*
 * Calls @fn for each key of the bucket at @path (@n keys) that is not a
 * bucket, with its value (NUL-terminated copies); @fn returns non-zero to
 * stop, which is then the return value. 0, or -ENOENT / -EBADMSG as above.
 */
int dg_bolt_each(const struct dg_bolt *db, const char *const *path, int n,
		 int (*fn)(const char *key, const char *value, void *arg),
		 void *arg);

#endif
