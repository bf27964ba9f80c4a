// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: read-only lookups in a bbolt database file (containerd's meta.db). */
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bolt.h"

#define DG_BOLT_MAGIC		0xED0CDAEDu
#define DG_BOLT_VERSION		2
#define DG_BOLT_HDR		16	/* page: id, flags, count, overflow */
#define DG_BOLT_ELEM		16	/* a branch or leaf element */
#define DG_BOLT_BRANCH		0x01
#define DG_BOLT_LEAF		0x02
#define DG_BOLT_BUCKET_LEAF	0x01	/* a leaf element's value is a bucket */
#define DG_BOLT_META_SUMMED	56	/* the meta's bytes its checksum covers */

static uint16_t dg_le16(const unsigned char *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return le16toh(v);
}

static uint32_t dg_le32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return le32toh(v);
}

static uint64_t dg_le64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return le64toh(v);
}

static int dg_pread_all(int fd, void *buf, size_t len, off_t off)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = pread(fd, (char *)buf + done, len - done, off + (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			return -EBADMSG;	/* shorter than the meta said */
		done += (size_t)n;
	}
	return 0;
}

/* The meta at @off: its transaction id and root page, if it checks. */
static bool dg_bolt_meta(int fd, off_t off, uint32_t *psize, uint64_t *txid,
			 uint64_t *root)
{
	unsigned char m[DG_BOLT_HDR + 64];
	uint64_t sum = 0xcbf29ce484222325ULL;	/* FNV-1a, 64 bits */
	int i;

	if (dg_pread_all(fd, m, sizeof(m), off))
		return false;
	for (i = 0; i < DG_BOLT_META_SUMMED; i++) {
		sum ^= m[DG_BOLT_HDR + i];
		sum *= 0x100000001b3ULL;
	}
	if (dg_le32(m + DG_BOLT_HDR) != DG_BOLT_MAGIC ||
	    dg_le32(m + DG_BOLT_HDR + 4) != DG_BOLT_VERSION ||
	    dg_le64(m + DG_BOLT_HDR + DG_BOLT_META_SUMMED) != sum)
		return false;
	*psize = dg_le32(m + DG_BOLT_HDR + 8);
	*root = dg_le64(m + DG_BOLT_HDR + 16);
	*txid = dg_le64(m + DG_BOLT_HDR + 48);
	return *psize >= 512 && *psize <= (1u << 16) && !(*psize & (*psize - 1));
}

int dg_bolt_open(const char *path, struct dg_bolt *db)
{
	uint32_t ps[2] = { 0, 0 };
	uint64_t tx[2], rt[2];
	bool ok[2];
	struct stat st;
	int err, i;

	memset(db, 0, sizeof(*db));
	db->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (db->fd < 0)
		return -errno;
	if (fstat(db->fd, &st)) {
		err = -errno;
		goto fail;
	}
	err = -EBADMSG;
	if (!S_ISREG(st.st_mode))
		goto fail;
	/* The second meta page is one page in: the first says how long a page is. */
	ok[0] = dg_bolt_meta(db->fd, 0, &ps[0], &tx[0], &rt[0]);
	ok[1] = ok[0] ? dg_bolt_meta(db->fd, ps[0], &ps[1], &tx[1], &rt[1]) : false;
	if (!ok[0])
		for (i = 512; i <= 1 << 16 && !ok[1]; i <<= 1)
			ok[1] = dg_bolt_meta(db->fd, i, &ps[1], &tx[1], &rt[1]) &&
				ps[1] == (uint32_t)i;
	if (!ok[0] && !ok[1])
		goto fail;
	i = ok[0] && ok[1] ? (tx[1] > tx[0]) : ok[1];
	db->psize = ps[i];
	db->root = rt[i];
	db->npages = (uint64_t)st.st_size / db->psize;
	return 0;
fail:
	close(db->fd);
	db->fd = -1;
	return err;
}

void dg_bolt_close(struct dg_bolt *db)
{
	if (db->fd >= 0)
		close(db->fd);
	db->fd = -1;
}

/* Page @id with its overflow pages, in a buffer of its own. */
static int dg_bolt_page(const struct dg_bolt *db, uint64_t id,
			unsigned char **buf, size_t *len)
{
	unsigned char hdr[DG_BOLT_HDR];
	uint64_t n;
	int err;

	*buf = NULL;
	if (id < 2 || id >= db->npages)
		return -EBADMSG;
	err = dg_pread_all(db->fd, hdr, sizeof(hdr), (off_t)(id * db->psize));
	if (err)
		return err;
	n = (uint64_t)dg_le32(hdr + 12) + 1;
	if (dg_le64(hdr) != id || n > db->npages - id ||
	    n * db->psize > DG_BOLT_PAGE_MAX)
		return -EBADMSG;
	*len = (size_t)(n * db->psize);
	*buf = malloc(*len);
	if (!*buf)
		return -ENOMEM;
	err = dg_pread_all(db->fd, *buf, *len, (off_t)(id * db->psize));
	if (err) {
		free(*buf);
		*buf = NULL;
	}
	return err;
}

/* A bucket: its root page, or (root 0) the inline page in @inl. */
struct dg_bolt_bucket {
	uint64_t root;
	unsigned char *inl;
	size_t inl_len;
};

/* Element @i of the page in @p (@len bytes): key and, on a leaf, value. */
static int dg_bolt_elem(const unsigned char *p, size_t len, unsigned int i,
			const unsigned char **key, size_t *klen,
			const unsigned char **val, size_t *vlen, uint32_t *flags,
			uint64_t *child)
{
	size_t e = DG_BOLT_HDR + (size_t)i * DG_BOLT_ELEM, off;

	if (e + DG_BOLT_ELEM > len)
		return -EBADMSG;
	if (dg_le16(p + 8) & DG_BOLT_BRANCH) {
		off = e + dg_le32(p + e);
		*klen = dg_le32(p + e + 4);
		*child = dg_le64(p + e + 8);
		*vlen = 0;
		*flags = 0;
	} else {
		*flags = dg_le32(p + e);
		off = e + dg_le32(p + e + 4);
		*klen = dg_le32(p + e + 8);
		*vlen = dg_le32(p + e + 12);
		*child = 0;
	}
	if (off > len || *klen > len - off || *vlen > len - off - *klen)
		return -EBADMSG;
	*key = p + off;
	*val = p + off + *klen;
	return 0;
}

static int dg_keycmp(const unsigned char *a, size_t alen, const char *b,
		     size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	return c ? c : (alen > blen) - (alen < blen);
}

/*
 * Finds @key in bucket @b: a copy of its value in @val (malloc'd, @vlen
 * bytes, NUL after them) and its leaf flags.
 */
static int dg_bolt_find(const struct dg_bolt *db, const struct dg_bolt_bucket *b,
			const char *key, unsigned char **val, size_t *vlen,
			uint32_t *flags)
{
	size_t klen = strlen(key), len = b->inl_len, kl, vl;
	unsigned char *page = NULL;
	const unsigned char *p = b->inl, *k, *v;
	uint64_t id = b->root, child, next;
	unsigned int i, count, depth;
	uint32_t fl;
	int err = -EBADMSG, c;

	for (depth = 0; depth < DG_BOLT_DEPTH_MAX; depth++) {
		if (id) {
			free(page);
			err = dg_bolt_page(db, id, &page, &len);
			if (err)
				return err;
			p = page;
		}
		if (!p || len < DG_BOLT_HDR) {
			err = -EBADMSG;
			break;
		}
		count = dg_le16(p + 10);
		if (dg_le16(p + 8) & DG_BOLT_BRANCH) {
			/* The last child whose first key is not above @key. */
			next = 0;
			for (i = 0; i < count; i++) {
				err = dg_bolt_elem(p, len, i, &k, &kl, &v, &vl, &fl, &child);
				if (err)
					goto out;
				if (i && dg_keycmp(k, kl, key, klen) > 0)
					break;
				next = child;
			}
			if (!next) {
				err = -EBADMSG;
				break;
			}
			id = next;
			continue;
		}
		err = -ENOENT;
		if (!(dg_le16(p + 8) & DG_BOLT_LEAF)) {
			err = -EBADMSG;
			break;
		}
		for (i = 0; i < count; i++) {
			err = dg_bolt_elem(p, len, i, &k, &kl, &v, &vl, &fl, &child);
			if (err)
				goto out;
			c = dg_keycmp(k, kl, key, klen);
			if (c > 0)
				break;
			if (c)
				continue;
			*val = malloc(vl + 1);
			if (!*val) {
				err = -ENOMEM;
				goto out;
			}
			memcpy(*val, v, vl);
			(*val)[vl] = '\0';
			*vlen = vl;
			*flags = fl;
			err = 0;
			goto out;
		}
		err = -ENOENT;
		break;
	}
out:
	free(page);
	return err;
}

/* The bucket at @path (@n keys) from the root; @b->inl is the caller's. */
static int dg_bolt_bucket(const struct dg_bolt *db, const char *const *path,
			  int n, struct dg_bolt_bucket *b)
{
	unsigned char *val;
	uint32_t flags;
	size_t vlen;
	int i, err;

	b->root = db->root;
	b->inl = NULL;
	b->inl_len = 0;
	for (i = 0; i < n; i++) {
		err = dg_bolt_find(db, b, path[i], &val, &vlen, &flags);
		if (err)
			return err;
		free(b->inl);
		b->inl = NULL;
		b->inl_len = 0;
		if (!(flags & DG_BOLT_BUCKET_LEAF) || vlen < 16) {
			free(val);
			return -ENOENT;
		}
		b->root = dg_le64(val);
		if (!b->root) {
			/* Inline: the bucket's one leaf page follows its header. */
			memmove(val, val + 16, vlen - 16);
			b->inl = val;
			b->inl_len = vlen - 16;
		} else {
			free(val);
		}
	}
	return 0;
}

int dg_bolt_get(const struct dg_bolt *db, const char *const *path, int n,
		char *out, size_t size)
{
	struct dg_bolt_bucket b;
	unsigned char *val;
	uint32_t flags;
	size_t vlen;
	int err;

	if (n < 1)
		return -EINVAL;
	err = dg_bolt_bucket(db, path, n - 1, &b);
	if (err)
		goto out;
	err = dg_bolt_find(db, &b, path[n - 1], &val, &vlen, &flags);
	if (err)
		goto out;
	if (flags & DG_BOLT_BUCKET_LEAF)
		err = -ENOENT;
	else if (vlen >= size || memchr(val, '\0', vlen))
		err = -ENAMETOOLONG;
	else
		memcpy(out, val, vlen + 1);
	free(val);
out:
	free(b.inl);
	return err;
}

static int dg_bolt_walk(const struct dg_bolt *db, const unsigned char *p,
			size_t len, unsigned int depth,
			int (*fn)(const char *, const char *, void *), void *arg)
{
	const unsigned char *k, *v;
	unsigned char *page;
	unsigned int i, count;
	size_t kl, vl, plen;
	uint64_t child;
	char *key, *value;
	uint32_t fl;
	int err = 0;

	if (depth >= DG_BOLT_DEPTH_MAX || len < DG_BOLT_HDR)
		return -EBADMSG;
	count = dg_le16(p + 10);
	for (i = 0; i < count && !err; i++) {
		err = dg_bolt_elem(p, len, i, &k, &kl, &v, &vl, &fl, &child);
		if (err)
			break;
		if (dg_le16(p + 8) & DG_BOLT_BRANCH) {
			err = dg_bolt_page(db, child, &page, &plen);
			if (!err)
				err = dg_bolt_walk(db, page, plen, depth + 1, fn, arg);
			free(page);
			continue;
		}
		if (!(dg_le16(p + 8) & DG_BOLT_LEAF))
			return -EBADMSG;
		if (fl & DG_BOLT_BUCKET_LEAF)
			continue;
		key = strndup((const char *)k, kl);
		value = strndup((const char *)v, vl);
		err = key && value ? fn(key, value, arg) : -ENOMEM;
		free(key);
		free(value);
	}
	return err;
}

int dg_bolt_each(const struct dg_bolt *db, const char *const *path, int n,
		 int (*fn)(const char *key, const char *value, void *arg),
		 void *arg)
{
	struct dg_bolt_bucket b;
	unsigned char *page = NULL;
	size_t len;
	int err;

	err = dg_bolt_bucket(db, path, n, &b);
	if (err)
		goto out;
	if (b.root) {
		err = dg_bolt_page(db, b.root, &page, &len);
		if (!err)
			err = dg_bolt_walk(db, page, len, 0, fn, arg);
	} else {
		err = dg_bolt_walk(db, b.inl, b.inl_len, 0, fn, arg);
	}
out:
	free(page);
	free(b.inl);
	return err;
}
