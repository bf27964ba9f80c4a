// SPDX-License-Identifier: GPL-2.0
/*
 * driftguard: image files copied up for a metadata change, content unchanged.
 *
 * chown, chmod, touch and setfacl of an image file make overlayfs copy it up:
 * with metacopy=on only its metadata (the data stays in the lower layer
 * until the first open for writing), without it the whole content. Such a
 * file has an upper dentry like a dropped one. It is class METADATA instead
 * of UPPER only when all of this holds; anything else, and anything that
 * cannot be read, is UPPER (fail closed):
 *
 * - It has a lower file (overlayfs found it at lookup, or through the
 *   trusted.overlay.origin handle copy-up left in the upper; a container
 *   cannot set trusted.overlay.* through the overlay), both are regular
 *   files, and the file sits in the overlay at the same path as the lower
 *   file in its layer: a rename or a new link of an image file is copied
 *   up like a chown, and would walk a binary past the lists or out of its
 *   place. The upper has one link, is not open for writing
 *   (i_writecount > 0: a writer or a writable shared mapping), has the
 *   lower's size, and no execute, set-uid or set-gid bit the lower lacks.
 * - It was not given file capabilities while the module watched: a
 *   security.capability xattr set on the real upper inode (setcap through
 *   the overlay sets it there too, after any copy-up) grants privileges
 *   at exec like a new set-uid bit. security_inode_setxattr() sees it; the
 *   upper inode (superblock, number, generation) is remembered until it is
 *   deleted or its superblock shuts down, so a restarted container keeps
 *   the verdict. Copy-up's own copy of the lower's xattrs (to a temporary
 *   file in the work directory) is the image's and is not counted. Without
 *   the setxattr hook nothing is METADATA.
 * - Its content is the lower's, known one of two ways:
 *   a) metacopy: overlayfs' OVL_UPPERDATA flag is clear, so the data is
 *      still the lower's (ovl_copy_up_meta_inode_data() sets the flag
 *      when the first write-open copies the data up). Read from the inode
 *      each time: this holds across a module reload and a remount.
 *   b) full copy: the module saw the copy-up (security_inode_copy_up, at
 *      the start of every copy-up, with the overlay dentry) and has seen
 *      no write since. A container changes an overlay file's content
 *      only through overlayfs' file operations (write_iter, splice_write,
 *      fallocate, copy_file_range and remap_file_range into it), its
 *      setattr (every truncate), or a shared mapping of it opened for
 *      writing; a file renamed over it is another inode, and a new file
 *      or another image file's (no lower here, or not at its place). The
 *      module hooks those functions of overlay.ko and security_mmap_file
 *      (hooks-files.c, hooks-exec.c), through any mount of the overlay,
 *      on both kernels: the hook runs before the write, so a failed write
 *      still counts, and a shared mapping of a file open for writing
 *      counts, written or not. A writer still holding the file open
 *      (i_writecount > 0) makes it UPPER at once. Opens, reads and execs
 *      pay nothing for this.
 *      The host writing straight into an upper directory is not seen:
 *      only the host's root can, and a container cannot reach it (nor
 *      the real upper file through /proc/PID/map_files without
 *      CAP_SYS_ADMIN or CAP_CHECKPOINT_RESTORE of the initial namespace).
 *
 * What is remembered for (b): per overlay inode, from the copy-up until the
 * inode is freed (security_inode_free(), before overlayfs drops its upper),
 * whether a write was seen; and per real upper inode (superblock, inode
 * number, generation) the set of full copies known unchanged, filled when
 * a file is judged or its overlay inode is freed and emptied by any write,
 * the upper inode's deletion or its superblock's shutdown. The second set
 * outlives the overlay mount, so a restarted container keeps its verdicts.
 * Nothing outlives the module: after a reload every full copy made before
 * is UPPER, since writes while the module was away were not seen (a
 * persistent mark would need a sleepable context to set and a check that
 * the container could not forge it: none of our hooks may sleep).
 * Memory is bounded: without room a copy-up is not remembered (UPPER); a
 * write that cannot be remembered turns (b) off until the next load.
 *
 * The hooks that see writes are installed only once a policy judges class
 * UPPER or METADATA (hooks.c), and copy-ups are remembered only from then
 * on: a full copy made before is UPPER. Capabilities given before then, or
 * before a reload, are not seen: after a reload a metadata copy (a) that
 * was given capabilities earlier is METADATA again.
 *
 * Why writes are not watched by fsnotify marks on the candidates only
 * (read in the 6.1 and 6.12 sources; a mark would cost unmarked inodes
 * nothing more, fsnotify tests i_fsnotify_marks on every open and write
 * already):
 * - Where events land. fsnotify_file() reports on file->f_path. The
 *   overlay file a process opens: the overlay inode. overlayfs' own file on
 *   the upper: 6.1 opens it with open_with_fake_path(&file->f_path), so its
 *   FS_MODIFY and FS_CLOSE_WRITE land on the overlay inode again; 6.12 opens
 *   a backing file with vfs_open(real path), so they (and FS_OPEN, which
 *   6.12's vfs_open() sends) land on the real upper inode. Truncate reaches
 *   the real upper inode in both (ovl_setattr() -> notify_change() ->
 *   fsnotify_change()). A write through a shared mapping sends no event:
 *   only the open and the last close (FS_CLOSE_WRITE; the vma holds the
 *   real file, vma_set_file()/backing_file_mmap()) show it.
 *   So on 6.1 a mark on the real upper inode misses writes through a new
 *   overlay mount (a restarted container), and the new mount's overlay
 *   inode carries no mark: the restart verdict would be lost on 6.1.
 * - When a mark can be placed. fsnotify_add_mark() takes the group's mark
 *   mutex and allocates the connector with GFP_KERNEL; our copy-up hook runs
 *   under ftrace with preemption disabled. A mark placed later (work item,
 *   task_work) leaves a window after the copy-up in which another task may
 *   open the file for writing, write and close: i_writecount is 0 again,
 *   the size may be the same, no mark saw it. The file would be METADATA
 *   although written. Closing the window needs a sleepable point at
 *   copy-up (there is none we can hook) or a byte comparison of upper and
 *   lower after the mark is placed.
 * - Cost of a mark: a struct fsnotify_mark and a connector per inode, and
 *   the connector holds an inode reference (fsnotify_get_inode_ref()): a
 *   marked inode stays in memory until its mark is destroyed (at unmount,
 *   fsnotify_sb_delete(), or by us; unload must fsnotify_destroy_mark()
 *   every mark and fsnotify_wait_marks_destroyed() before the group goes).
 * Hence the write-side hooks of (b): one ftrace call per write to an
 * overlay file, none per open. They need overlay.ko loaded when they go
 * in (else full copies stay UPPER until a policy asks again), and are
 * unhooked when it goes (hooks.c: ftrace would keep a stale filter).
 */
#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/dcache.h>
#include <linux/hashtable.h>
#include <linux/magic.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/xattr.h>

#include "ovl.h"
#include "unchanged.h"

/* Overlay inodes whose copy-up was seen: was a write seen since? */
struct dg_seen {
	struct hlist_node node;
	struct rcu_head rcu;
	const struct inode *inode;
	bool written;
	bool known;		/* its upper is in dg_clean */
};

/* Real upper inodes of full copies known unchanged. */
struct dg_clean {
	struct hlist_node node;
	struct rcu_head rcu;
	const struct super_block *sb;
	unsigned long ino;
	u32 gen;
};

#define DG_UNCHANGED_HASH_BITS 12
#define DG_CLEAN_MAX BIT(18)

static DEFINE_HASHTABLE(dg_seens, DG_UNCHANGED_HASH_BITS);
static DEFINE_HASHTABLE(dg_cleans, DG_UNCHANGED_HASH_BITS);
static DEFINE_SPINLOCK(dg_unchanged_lock);
static atomic_t dg_nclean = ATOMIC_INIT(0);
/* Copy-ups are remembered: every hook that sees writes is installed. */
static bool dg_tracking;
/* A write could not be remembered: no full copy is known unchanged. */
static bool dg_lost;
/*
 * Real upper inodes given a security.capability xattr while the module
 * watched (dg_unchanged_setxattr()), in struct dg_clean; one that could not
 * be remembered makes every copied-up file UPPER until the next load.
 */
#define DG_CAPPED_MAX BIT(14)
static DEFINE_HASHTABLE(dg_cappeds, DG_UNCHANGED_HASH_BITS);
static atomic_t dg_ncapped = ATOMIC_INIT(0);
static bool dg_capped_lost;

void dg_unchanged_start(void)
{
	/* Pairs with the acquire in dg_unchanged_copy_up(). */
	smp_store_release(&dg_tracking, true);
}

void dg_unchanged_stop(void)
{
	WRITE_ONCE(dg_tracking, false);
	WRITE_ONCE(dg_lost, true);
}

static unsigned long dg_clean_key(const struct inode *inode)
{
	return (unsigned long)inode->i_sb ^ inode->i_ino;
}

static struct dg_seen *dg_seen_find(const struct inode *inode)
{
	struct dg_seen *s;

	hash_for_each_possible_rcu(dg_seens, s, node, (unsigned long)inode)
		if (s->inode == inode)
			return s;
	return NULL;
}

static struct dg_clean *dg_clean_find(const struct inode *inode)
{
	struct dg_clean *c;

	hash_for_each_possible_rcu(dg_cleans, c, node, dg_clean_key(inode))
		if (c->sb == inode->i_sb && c->ino == inode->i_ino &&
		    c->gen == inode->i_generation)
			return c;
	return NULL;
}

static struct dg_clean *dg_capped_find(const struct inode *inode)
{
	struct dg_clean *c;

	hash_for_each_possible_rcu(dg_cappeds, c, node, dg_clean_key(inode))
		if (c->sb == inode->i_sb && c->ino == inode->i_ino &&
		    c->gen == inode->i_generation)
			return c;
	return NULL;
}

/* Has @upper gained file capabilities since the module watches? */
static bool dg_capped(const struct inode *upper)
{
	if (READ_ONCE(dg_capped_lost))
		return true;
	return atomic_read(&dg_ncapped) && dg_capped_find(upper);
}

/* Called with dg_unchanged_lock held. */
static void dg_capped_del_locked(const struct inode *inode)
{
	struct dg_clean *c = dg_capped_find(inode);

	if (!c)
		return;
	hash_del_rcu(&c->node);
	atomic_dec(&dg_ncapped);
	kfree_rcu(c, rcu);
}

/* Called with dg_unchanged_lock held. */
static void dg_clean_add_locked(const struct inode *upper)
{
	struct dg_clean *c;

	if (dg_clean_find(upper) ||
	    atomic_read(&dg_nclean) >= (int)DG_CLEAN_MAX)
		return;
	c = kmalloc(sizeof(*c), GFP_ATOMIC | __GFP_NOWARN);
	if (!c)
		return;
	c->sb = upper->i_sb;
	c->ino = upper->i_ino;
	c->gen = upper->i_generation;
	atomic_inc(&dg_nclean);
	hash_add_rcu(dg_cleans, &c->node, dg_clean_key(upper));
}

/* Called with dg_unchanged_lock held. */
static void dg_clean_del_locked(const struct inode *upper)
{
	struct dg_clean *c = dg_clean_find(upper);

	if (!c)
		return;
	hash_del_rcu(&c->node);
	atomic_dec(&dg_nclean);
	kfree_rcu(c, rcu);
}

/* Is the full copy @inode, with upper inode @upper, known unchanged? */
static bool dg_full_copy_known(struct inode *inode, struct inode *upper)
{
	struct dg_seen *s;
	bool known = false;

	if (READ_ONCE(dg_lost))
		return false;
	s = dg_seen_find(inode);
	if (s && READ_ONCE(s->written))
		return false;
	if (!s || READ_ONCE(s->known))
		return dg_clean_find(upper);
	/* First judgment since the copy-up: remember the upper inode. */
	spin_lock(&dg_unchanged_lock);
	if (!s->written && !READ_ONCE(dg_lost)) {
		dg_clean_add_locked(upper);
		WRITE_ONCE(s->known, true);
		known = dg_clean_find(upper);
	}
	spin_unlock(&dg_unchanged_lock);
	return known;
}

bool dg_unchanged(const struct path *path, struct inode *inode,
		  struct dentry *upper)
{
	struct inode *ui = d_inode(upper), *li;
	struct dentry *lower, *root;
	umode_t added;

	/* Without every watching hook, capabilities given go unseen. */
	if (!smp_load_acquire(&dg_tracking))
		return false;
	lower = dg_ovl_lower(inode, &root);
	if (!lower || !ui)
		return false;
	li = d_inode(lower);
	if (!li || !S_ISREG(ui->i_mode) || !S_ISREG(li->i_mode))
		return false;
	added = ui->i_mode & ~li->i_mode;
	if ((added & (0111 | S_ISUID | S_ISGID)) || ui->i_nlink != 1 ||
	    atomic_read(&ui->i_writecount) > 0 ||
	    i_size_read(ui) != i_size_read(li) ||
	    !dg_ovl_same_place(path->dentry, lower, root) || dg_capped(ui))
		return false;
	if (!dg_ovl_upperdata(inode))
		return true;
	return dg_full_copy_known(inode, ui);
}

void dg_unchanged_copy_up(struct inode *inode)
{
	struct dg_seen *s;

	/* Pairs with the release in dg_unchanged_start(). */
	if (!smp_load_acquire(&dg_tracking) || !S_ISREG(inode->i_mode))
		return;
	rcu_read_lock();
	s = dg_seen_find(inode);
	rcu_read_unlock();
	if (s)
		return;
	s = kmalloc(sizeof(*s), GFP_ATOMIC | __GFP_NOWARN);
	if (!s)
		return;
	s->inode = inode;
	s->written = false;
	s->known = false;
	spin_lock(&dg_unchanged_lock);
	/* A write-open just before (its own copy-up) keeps its record. */
	if (dg_seen_find(inode)) {
		spin_unlock(&dg_unchanged_lock);
		kfree(s);
		return;
	}
	hash_add_rcu(dg_seens, &s->node, (unsigned long)inode);
	spin_unlock(&dg_unchanged_lock);
}

/*
 * A write-open or truncate of an overlay file: it may be the open that
 * copies the file up, so the record is made if there is none yet.
 */
static void dg_unchanged_ovl_write(struct inode *inode)
{
	struct inode *upper = dg_ovl_upper_inode(inode);
	struct dentry *root;
	struct dg_seen *s, *n = NULL;

	/* A file without a lower one is UPPER whatever it holds. */
	if (!S_ISREG(inode->i_mode) || !dg_ovl_lower(inode, &root))
		return;
	rcu_read_lock();
	s = dg_seen_find(inode);
	rcu_read_unlock();
	if (!s) {
		n = kmalloc(sizeof(*n), GFP_ATOMIC | __GFP_NOWARN);
		if (n) {
			n->inode = inode;
			n->written = true;
			n->known = false;
		}
	}
	spin_lock(&dg_unchanged_lock);
	s = dg_seen_find(inode);
	if (s) {
		WRITE_ONCE(s->written, true);
	} else if (n) {
		hash_add_rcu(dg_seens, &n->node, (unsigned long)inode);
		n = NULL;
	} else {
		/* Cannot remember it: trust no full copy any more. */
		WRITE_ONCE(dg_lost, true);
		pr_warn_once("out of memory: full copies of image files count as drift until the module is reloaded\n");
	}
	if (upper)
		dg_clean_del_locked(upper);
	spin_unlock(&dg_unchanged_lock);
	kfree(n);
}

void dg_unchanged_write(struct inode *inode)
{
	if (!READ_ONCE(dg_tracking))
		return;
	if (inode->i_sb->s_magic == OVERLAYFS_SUPER_MAGIC) {
		dg_unchanged_ovl_write(inode);
		return;
	}
	if (!atomic_read(&dg_nclean))
		return;
	rcu_read_lock();
	if (dg_clean_find(inode)) {
		spin_lock(&dg_unchanged_lock);
		dg_clean_del_locked(inode);
		spin_unlock(&dg_unchanged_lock);
	}
	rcu_read_unlock();
}

/*
 * Is @dentry overlayfs' temporary file of a copy-up, in its work directory
 * ("work" under the workdir option, ovl_workdir_create()) named "#<hex>"
 * (ovl_tempname()) or an O_TMPFILE without a name yet? Copy-up copies the
 * lower's xattrs to it, security.capability among them: the image gave
 * those. A container cannot reach the work directory; an image file named
 * like that ("#1f" in a directory "work") given capabilities goes unseen.
 */
static bool dg_copy_up_temp(struct dentry *dentry)
{
	struct name_snapshot n, pn;
	struct dentry *parent;
	unsigned int i;
	bool temp;

	if (!d_inode(dentry)->i_nlink)
		return true;
	rcu_read_lock();
	parent = READ_ONCE(dentry->d_parent);
	take_dentry_name_snapshot(&n, dentry);
	take_dentry_name_snapshot(&pn, parent);
	temp = n.name.len > 1 && n.name.name[0] == '#' && pn.name.len == 4 &&
	       !memcmp(pn.name.name, "work", 4);
	for (i = 1; temp && i < n.name.len; i++)
		temp = isxdigit(n.name.name[i]);
	release_dentry_name_snapshot(&pn);
	release_dentry_name_snapshot(&n);
	rcu_read_unlock();
	return temp;
}

void dg_unchanged_setxattr(struct dentry *dentry, const char *name)
{
	struct inode *inode = d_inode(dentry);
	struct dg_clean *c;

	if (!inode || !S_ISREG(inode->i_mode) || strcmp(name, XATTR_NAME_CAPS))
		return;
	if (inode->i_sb->s_magic == OVERLAYFS_SUPER_MAGIC) {
		/* The upper gets its own call, once copied up. */
		if (READ_ONCE(dg_tracking))
			dg_unchanged_ovl_write(inode);
		return;
	}
	if (dg_copy_up_temp(dentry))
		return;
	dg_unchanged_write(inode);
	rcu_read_lock();
	c = dg_capped_find(inode);
	rcu_read_unlock();
	if (c)
		return;
	c = NULL;
	if (atomic_read(&dg_ncapped) < (int)DG_CAPPED_MAX)
		c = kmalloc(sizeof(*c), GFP_ATOMIC | __GFP_NOWARN);
	spin_lock(&dg_unchanged_lock);
	if (dg_capped_find(inode)) {
		kfree(c);
	} else if (c) {
		c->sb = inode->i_sb;
		c->ino = inode->i_ino;
		c->gen = inode->i_generation;
		atomic_inc(&dg_ncapped);
		hash_add_rcu(dg_cappeds, &c->node, dg_clean_key(inode));
	} else {
		WRITE_ONCE(dg_capped_lost, true);
		pr_warn_once("cannot remember a file given capabilities: copied-up image files count as drift until the module is reloaded\n");
	}
	spin_unlock(&dg_unchanged_lock);
}

/*
 * Called before overlayfs' own destroy_inode drops the upper dentry: a
 * copy-up never judged is remembered by its upper inode now, so a
 * restarted container finds it.
 */
void dg_unchanged_inode_free(struct inode *inode)
{
	struct inode *upper;
	struct dg_seen *s;

	if (inode->i_sb->s_magic != OVERLAYFS_SUPER_MAGIC) {
		/* A deleted upper inode: its number may come back. */
		if (!inode->i_nlink && atomic_read(&dg_nclean))
			dg_unchanged_write(inode);
		if (!inode->i_nlink && atomic_read(&dg_ncapped)) {
			spin_lock(&dg_unchanged_lock);
			dg_capped_del_locked(inode);
			spin_unlock(&dg_unchanged_lock);
		}
		return;
	}
	if (hash_empty(dg_seens))
		return;
	rcu_read_lock();
	s = dg_seen_find(inode);
	rcu_read_unlock();
	if (!s)
		return;
	upper = dg_ovl_upper_inode(inode);
	spin_lock(&dg_unchanged_lock);
	if (upper && !s->written && !READ_ONCE(dg_lost))
		dg_clean_add_locked(upper);
	else if (upper)
		dg_clean_del_locked(upper);
	hash_del_rcu(&s->node);
	spin_unlock(&dg_unchanged_lock);
	kfree_rcu(s, rcu);
}

void dg_unchanged_sb_shutdown(const struct super_block *sb)
{
	struct hlist_node *tmp;
	struct dg_clean *c;
	int bkt;

	if (!atomic_read(&dg_nclean) && !atomic_read(&dg_ncapped))
		return;
	spin_lock(&dg_unchanged_lock);
	hash_for_each_safe(dg_cleans, bkt, tmp, c, node)
		if (c->sb == sb) {
			hash_del_rcu(&c->node);
			atomic_dec(&dg_nclean);
			kfree_rcu(c, rcu);
		}
	hash_for_each_safe(dg_cappeds, bkt, tmp, c, node)
		if (c->sb == sb) {
			hash_del_rcu(&c->node);
			atomic_dec(&dg_ncapped);
			kfree_rcu(c, rcu);
		}
	spin_unlock(&dg_unchanged_lock);
}

void dg_unchanged_exit(void)
{
	struct hlist_node *tmp;
	struct dg_clean *c;
	struct dg_seen *s;
	int bkt;

	hash_for_each_safe(dg_seens, bkt, tmp, s, node) {
		hash_del(&s->node);
		kfree(s);
	}
	hash_for_each_safe(dg_cleans, bkt, tmp, c, node) {
		hash_del(&c->node);
		kfree(c);
	}
	hash_for_each_safe(dg_cappeds, bkt, tmp, c, node) {
		hash_del(&c->node);
		kfree(c);
	}
	/* kfree_rcu() callbacks still pending refer to this module's data. */
	rcu_barrier();
}
