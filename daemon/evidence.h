/* SPDX-License-Identifier: GPL-2.0 */
/* driftguard userspace: the SHA-256 and a kept copy of a drifted file. */
#ifndef DG_EVIDENCE_H
#define DG_EVIDENCE_H

/*
 * The kernel reports a drifted file by its path as the process saw it, in
 * its own root (the container's). driftguardd reads it through
 * /proc/<tgid>/root with openat2(RESOLVE_IN_ROOT), so the container's
 * symlinks resolve inside the container, never on the host. A blocked exec
 * leaves the process that tried it alive (its exec failed), but it may exit
 * before driftguardd reads; then any other process of the same cgroup
 * serves, as it shares the root in every runtime we know.
 *
 * The file must still be the inode the kernel judged (same inode number)
 * and a regular file of at most DG_EVIDENCE_HASH_MAX bytes: otherwise it is
 * not read, and the record says why.
 */

#include <stdbool.h>
#include <stdint.h>

#include "evlog.h"

#define DG_EVIDENCE_NOTE_MAX	128
/* Bigger files are not hashed: the daemon reads them in its event loop. */
#define DG_EVIDENCE_HASH_MAX	(1ULL << 30)

struct dg_evidence {
	char sha256[DG_HASH_HEX + 1];	/* "": not read */
	char quarantine[4096];		/* the copy; "": none */
	/* Why something is missing, "" when nothing is. */
	char note[DG_EVIDENCE_NOTE_MAX];
	uint64_t size;
};

/*
 * Whether an event of @hook and @class names a drifted file worth hashing:
 * an exec or executable mapping of an upper-layer, volume or metadata-only
 * copied-up file (whose hash shows it is the image's). Never a
 * hardening class: a user namespace has no file, /proc/<pid>/mem is no file
 * to read, and what ran from a written private mapping is not the file.
 */
bool dg_evidence_wanted(int hook, int class);

/*
 * Hashes @path as process @tgid sees it or, when that fails because the
 * process is gone, as a process listed in @cgroup_dir/cgroup.procs sees it
 * (@cgroup_dir NULL: no fallback). @ino 0: not checked. When @qdir is not
 * NULL the file is also copied to @qdir/<sha256> (mode 0400, created once
 * per content) if it is at most @qmax bytes. Returns 0 with the hash (and
 * perhaps a note on the copy), or -errno with the reason in @out->note.
 */
int dg_evidence_collect(uint32_t tgid, const char *cgroup_dir, const char *path,
			uint64_t ino, const char *qdir, uint64_t qmax,
			struct dg_evidence *out);

#endif /* DG_EVIDENCE_H */
