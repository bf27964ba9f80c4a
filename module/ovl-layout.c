// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: reads the layout of struct ovl_inode from overlay.ko's BTF.
 *
 * A build-time helper of probe.sh, compiled for the build host. layer.c
 * reads overlayfs' private __upperdentry as the pointer right after the VFS
 * inode; this finds, in the target kernel's own description of overlayfs
 * (the .BTF section of its overlay.ko), the byte offset of __upperdentry
 * and of the member before it, and prints
 *
 *   OFFSET_OF_PREVIOUS_MEMBER OFFSET_OF___UPPERDENTRY SIZEOF_OVL_INODE
 *   OFFSET_OF_FLAGS LOWER_KIND OFFSET_OF_LOWER OVL_UPPERDATA
 *
 * so that compat.h can refuse the build unless the two offsets are
 * sizeof(struct inode) apart. ovl.c also reads the inode's flags (the
 * member two before __upperdentry, "flags"), the bit number of
 * OVL_UPPERDATA in them (from enum ovl_inode_flag), and where the lower
 * layer is: LOWER_KIND 1 is an inline "struct ovl_path lowerpath" (6.1),
 * 2 a "struct ovl_entry *oe" (6.12); the member's name must be overlay's
 * own string, or the build stops.
 *
 * A module's BTF is split BTF: its strings continue those of vmlinux, whose
 * BTF a build may not have. Names only overlayfs uses ("ovl_inode",
 * "__upperdentry") are in the module's own part; the length of vmlinux's
 * string section is found as the one value for which a struct named
 * "ovl_inode" has a member named "__upperdentry". Anything unexpected is
 * an error (exit 1, with the reason on stderr): the build then stops.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/elf.h>
#include <linux/types.h>

struct btf_header {
	__u16 magic;
	__u8 version;
	__u8 flags;
	__u32 hdr_len;
	__u32 type_off;
	__u32 type_len;
	__u32 str_off;
	__u32 str_len;
};

struct btf_type {
	__u32 name_off;
	__u32 info;
	__u32 size;
};

struct btf_member {
	__u32 name_off;
	__u32 type;
	__u32 offset;
};

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define BTF_MAGIC		0xeb9f
#define BTF_KIND(info)		(((info) >> 24) & 0x1f)
#define BTF_VLEN(info)		((info) & 0xffff)
#define BTF_KFLAG(info)		((info) >> 31)
#define BTF_KIND_STRUCT		4

static int fail(const char *why)
{
	fprintf(stderr, "ovl-layout: %s\n", why);
	return 1;
}

/* Bytes a type record takes after its struct btf_type, or -1. */
static long btf_extra(__u32 info)
{
	unsigned long vlen = BTF_VLEN(info);

	switch (BTF_KIND(info)) {
	case 1:		/* INT */
	case 14:	/* VAR */
	case 17:	/* DECL_TAG */
		return 4;
	case 3:		/* ARRAY */
		return 12;
	case 4:		/* STRUCT */
	case 5:		/* UNION */
	case 15:	/* DATASEC */
	case 19:	/* ENUM64 */
		return vlen * 12;
	case 6:		/* ENUM */
	case 13:	/* FUNC_PROTO */
		return vlen * 8;
	case 2: case 7: case 8: case 9: case 10: case 11: case 12:
	case 16: case 18:
		return 0;
	default:
		return -1;
	}
}

/* A member's byte offset, or UINT32_MAX for a bitfield. */
static __u32 member_offset(const struct btf_type *t,
			   const struct btf_member *m)
{
	__u32 bits = m->offset;

	if (BTF_KFLAG(t->info)) {
		if (bits >> 24)
			return UINT32_MAX;
		bits &= 0xffffff;
	}
	return bits % 8 ? UINT32_MAX : bits / 8;
}

/* The offset of the string @s in the string section, or -1. */
static long btf_str(const char *strs, __u32 len, const char *s)
{
	size_t n = strlen(s) + 1;
	__u32 i;

	for (i = 0; i + n <= len; i++)
		if ((i == 0 || strs[i - 1] == '\0') && !memcmp(strs + i, s, n))
			return i;
	return -1;
}

static unsigned char *read_file(const char *path, size_t *size)
{
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0, r;
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			unsigned char *b = realloc(buf, cap = cap ? cap * 2 : 1 << 20);

			if (!b) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = b;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
	} while (r);
	fclose(f);
	*size = n;
	return buf;
}

/* The .BTF section of the ELF image @elf, or NULL. */
static const unsigned char *elf_btf(const unsigned char *elf, size_t size,
				    size_t *len)
{
	const struct elf64_hdr *eh = (const struct elf64_hdr *)elf;
	const struct elf64_shdr *sh, *strtab;
	unsigned int i;

	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || !eh->e_shoff ||
	    eh->e_shoff + (size_t)eh->e_shnum * sizeof(*sh) > size ||
	    eh->e_shstrndx >= eh->e_shnum)
		return NULL;
	sh = (const struct elf64_shdr *)(elf + eh->e_shoff);
	strtab = &sh[eh->e_shstrndx];
	for (i = 0; i < eh->e_shnum; i++) {
		const char *name = (const char *)elf + strtab->sh_offset +
				   sh[i].sh_name;

		if (strtab->sh_offset + sh[i].sh_name >= size ||
		    strcmp(name, ".BTF"))
			continue;
		if (sh[i].sh_offset + sh[i].sh_size > size)
			return NULL;
		*len = sh[i].sh_size;
		return elf + sh[i].sh_offset;
	}
	return NULL;
}

/* Calls @fn for every type record; stops at the first non-zero return. */
static int btf_walk(const unsigned char *p, const unsigned char *end,
		    int (*fn)(const struct btf_type *t, void *arg), void *arg)
{
	while (p + sizeof(struct btf_type) <= end) {
		const struct btf_type *t = (const struct btf_type *)p;
		long extra = btf_extra(t->info);
		int err;

		if (extra < 0)
			return fail("unknown BTF kind");
		if (p + sizeof(*t) + extra > end)
			return fail("truncated BTF types");
		err = fn(t, arg);
		if (err)
			return err;
		p += sizeof(*t) + extra;
	}
	return 0;
}

struct search {
	const char *strs;
	__u32 str_len;
	long l_struct, l_member;
	__u32 base[16];	/* candidate lengths of vmlinux's strings */
	unsigned int nbase;
	__u32 prev, upper, size;
	__u32 flags, lower, lower_kind;
	long l_flags, l_lowerpath, l_oe, l_upperdata;
	long upperdata;
	unsigned int found;
};

/*
 * A struct whose name could be "ovl_inode" with a member that could be
 * "__upperdentry" (same distance apart in the string section) proposes a
 * length of vmlinux's strings.
 */
static int propose(const struct btf_type *t, void *arg)
{
	const struct btf_member *m = (const struct btf_member *)(t + 1);
	struct search *s = arg;
	__u32 i;

	if (BTF_KIND(t->info) != BTF_KIND_STRUCT ||
	    t->name_off < (__u32)s->l_struct)
		return 0;
	for (i = 0; i < BTF_VLEN(t->info); i++) {
		if ((__s64)m[i].name_off - t->name_off !=
		    s->l_member - s->l_struct)
			continue;
		if (s->nbase == ARRAY_SIZE(s->base))
			return fail("too many candidate layouts");
		s->base[s->nbase++] = t->name_off - s->l_struct;
	}
	return 0;
}

/* Is @off, with vmlinux's strings @base long, a string of this module? */
static int own_string(const struct search *s, __u32 base, __u32 off)
{
	if (off < base)
		return 1;	/* vmlinux's: cannot be checked, cannot refute */
	off -= base;
	return off < s->str_len && (off == 0 || s->strs[off - 1] == '\0');
}

struct check {
	const struct search *s;
	__u32 base;
	int bad;
};

/* Does every name of every struct and union fall on a string start? */
static int check_names(const struct btf_type *t, void *arg)
{
	const struct btf_member *m = (const struct btf_member *)(t + 1);
	struct check *c = arg;
	__u32 i;

	if (!own_string(c->s, c->base, t->name_off))
		c->bad = 1;
	if (BTF_KIND(t->info) == BTF_KIND_STRUCT || BTF_KIND(t->info) == 5)
		for (i = 0; i < BTF_VLEN(t->info); i++)
			if (!own_string(c->s, c->base, m[i].name_off))
				c->bad = 1;
	return 0;
}

struct take {
	struct search *s;
	__u32 base;
};

/* The value of the enumerator OVL_UPPERDATA (overlay's own string). */
static int take_upperdata(const struct btf_type *t, void *arg)
{
	const __u32 *e = (const __u32 *)(t + 1);
	struct take *k = arg;
	__u32 i;

	if (BTF_KIND(t->info) != 6)
		return 0;
	for (i = 0; i < BTF_VLEN(t->info); i++) {
		if (e[2 * i] != k->base + k->s->l_upperdata)
			continue;
		if (k->s->upperdata >= 0)
			return fail("OVL_UPPERDATA: more than one");
		k->s->upperdata = e[2 * i + 1];
	}
	return 0;
}

/* With vmlinux's string length known: the layout of struct ovl_inode. */
static int take_layout(const struct btf_type *t, void *arg)
{
	const struct btf_member *m = (const struct btf_member *)(t + 1);
	struct take *k = arg;
	struct search *s = k->s;
	__u32 i;

	if (BTF_KIND(t->info) != BTF_KIND_STRUCT ||
	    t->name_off != k->base + s->l_struct)
		return 0;
	for (i = 0; i < BTF_VLEN(t->info); i++) {
		if (m[i].name_off != k->base + s->l_member)
			continue;
		if (i == 0)
			return fail("ovl_inode: __upperdentry is its first member");
		s->prev = member_offset(t, &m[i - 1]);
		s->upper = member_offset(t, &m[i]);
		if (s->prev == UINT32_MAX || s->upper == UINT32_MAX)
			return fail("ovl_inode: a bitfield around __upperdentry");
		s->size = t->size;
		if (i < 2 || i + 1 >= BTF_VLEN(t->info))
			return fail("ovl_inode: no flags or lower member");
		/*
		 * "flags" is also vmlinux's string, so its name cannot be
		 * checked: it must be the unsigned long right before the VFS
		 * inode.
		 */
		if (m[i - 2].name_off >= k->base &&
		    m[i - 2].name_off != k->base + s->l_flags)
			return fail("ovl_inode: the member before vfs_inode is not flags");
		s->flags = member_offset(t, &m[i - 2]);
		if (s->flags + 8 != s->prev)
			return fail("ovl_inode: flags is not right before vfs_inode");
		s->lower = member_offset(t, &m[i + 1]);
		if (s->l_lowerpath >= 0 &&
		    m[i + 1].name_off == k->base + s->l_lowerpath)
			s->lower_kind = 1;
		else if (s->l_oe >= 0 && m[i + 1].name_off == k->base + s->l_oe)
			s->lower_kind = 2;
		else
			return fail("ovl_inode: after __upperdentry neither lowerpath nor oe");
		if (s->flags == UINT32_MAX || s->lower == UINT32_MAX)
			return fail("ovl_inode: a bitfield for flags or lower");
		s->found++;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const struct btf_header *h;
	const unsigned char *btf, *types, *end;
	struct search s = { .nbase = 0 };
	unsigned char *elf;
	size_t elf_size, btf_size;
	unsigned int i, good = 0;
	__u32 base = 0;
	int err;

	if (argc != 2)
		return fail("usage: ovl-layout OVERLAY.KO (uncompressed)");
	elf = read_file(argv[1], &elf_size);
	if (!elf)
		return fail(strerror(errno));
	btf = elf_btf(elf, elf_size, &btf_size);
	if (!btf || btf_size < sizeof(*h))
		return fail("no .BTF section");
	h = (const struct btf_header *)btf;
	if (h->magic != BTF_MAGIC ||
	    (size_t)h->hdr_len + h->type_off + h->type_len > btf_size ||
	    (size_t)h->hdr_len + h->str_off + h->str_len > btf_size)
		return fail("malformed .BTF section");
	s.strs = (const char *)btf + h->hdr_len + h->str_off;
	s.str_len = h->str_len;
	s.l_struct = btf_str(s.strs, s.str_len, "ovl_inode");
	s.l_member = btf_str(s.strs, s.str_len, "__upperdentry");
	s.l_flags = btf_str(s.strs, s.str_len, "flags");
	s.l_lowerpath = btf_str(s.strs, s.str_len, "lowerpath");
	s.l_oe = btf_str(s.strs, s.str_len, "oe");
	s.l_upperdata = btf_str(s.strs, s.str_len, "OVL_UPPERDATA");
	s.upperdata = -1;
	if (s.l_upperdata < 0)
		return fail("no OVL_UPPERDATA in the BTF strings");
	if (s.l_struct < 0 || s.l_member < 0)
		return fail("no ovl_inode or __upperdentry in the BTF strings");
	types = btf + h->hdr_len + h->type_off;
	end = types + h->type_len;

	err = btf_walk(types, end, propose, &s);
	if (err)
		return err;
	/* The real length is the one under which every name is a string. */
	for (i = 0; i < s.nbase; i++) {
		struct check c = { .s = &s, .base = s.base[i], .bad = 0 };

		err = btf_walk(types, end, check_names, &c);
		if (err)
			return err;
		if (!c.bad && (!good || s.base[i] != base)) {
			base = s.base[i];
			good++;
		}
	}
	if (good != 1)
		return fail(good ? "ambiguous BTF strings" : "no struct ovl_inode");
	{
		struct take k = { .s = &s, .base = base };

		err = btf_walk(types, end, take_layout, &k);
		if (!err)
			err = btf_walk(types, end, take_upperdata, &k);
		if (err)
			return err;
	}
	free(elf);
	if (s.found != 1)
		return fail(s.found ? "more than one ovl_inode" : "no struct ovl_inode");
	if (s.upperdata < 0 || s.upperdata >= 64)
		return fail("no OVL_UPPERDATA flag");
	printf("%u %u %u %u %u %u %ld\n", s.prev, s.upper, s.size, s.flags,
	       s.lower_kind, s.lower, s.upperdata);
	return 0;
}
