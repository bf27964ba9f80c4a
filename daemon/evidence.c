// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: the SHA-256 and a kept copy of a drifted file. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/driftguard.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <openssl/evp.h>

#include "capdir.h"
#include "evidence.h"
#include "hex.h"

#define DG_COPY_CHUNK (64 * 1024)

static void dg_note(struct dg_evidence *out, const char *fmt, const char *what)
{
	snprintf(out->note, sizeof(out->note), fmt, what);
}

/*
 * Opens @path inside the root of process @pid as an O_PATH descriptor: what
 * is there is only looked at, never opened for reading, until it is known to
 * be a regular file (opening a device node or a FIFO a container put at the
 * path could have effects of its own). -errno on failure.
 */
static int dg_open_in_root(uint32_t pid, const char *path)
{
	struct open_how how = {
		.flags = O_PATH | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	char root[64];
	int dfd, fd;

	snprintf(root, sizeof(root), "/proc/%" PRIu32 "/root", pid);
	dfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return -errno;
	fd = (int)syscall(SYS_openat2, dfd, path, &how, sizeof(how));
	if (fd < 0)
		fd = -errno;
	close(dfd);
	return fd;
}

/* Tries @tgid, then the processes of @cgroup_dir while they are gone. */
static int dg_open_evidence(uint32_t tgid, const char *cgroup_dir,
			    const char *path)
{
	char procs[4096];
	unsigned int pid;
	FILE *f;
	int fd;

	fd = dg_open_in_root(tgid, path);
	/*
	 * ENOENT: the process is gone or a zombie (runc's exec helper exits
	 * as soon as its exec fails), or the file is: another process of the
	 * container tells which.
	 */
	if (fd != -ENOENT || !cgroup_dir)
		return fd;
	snprintf(procs, sizeof(procs), "%s/cgroup.procs", cgroup_dir);
	f = fopen(procs, "re");
	if (!f)
		return fd;
	while (fscanf(f, "%u", &pid) == 1) {
		if (pid == tgid)
			continue;
		fd = dg_open_in_root(pid, path);
		if (fd != -ENOENT)
			break;
	}
	fclose(f);
	return fd;
}

static int dg_write_all(int fd, const unsigned char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EIO;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads @fd to its end into the digest and, when @cfd >= 0, into @cfd. */
/*
 * Reads the @expect bytes of @fd into the digest and, when @cfd >= 0, into
 * @cfd; never more. A file that is not @expect bytes long any more changed
 * while it was read: -EAGAIN, nothing kept.
 */
static int dg_hash_fd(int fd, int cfd, char *hex, uint64_t expect,
		      uint64_t *size)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned char *buf;
	unsigned int mdlen;
	EVP_MD_CTX *ctx;
	ssize_t n;
	int err = 0;

	buf = malloc(DG_COPY_CHUNK);
	ctx = EVP_MD_CTX_new();
	if (!buf || !ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
		err = -ENOMEM;
		goto out;
	}
	*size = 0;
	for (;;) {
		/* One byte past the end tells whether the file grew. */
		size_t want = expect - *size < DG_COPY_CHUNK ?
			      (size_t)(expect - *size) + 1 : DG_COPY_CHUNK;

		n = read(fd, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			goto out;
		}
		if (!n)
			break;
		if (*size + (uint64_t)n > expect) {
			err = -EAGAIN;
			goto out;
		}
		*size += (uint64_t)n;
		if (!EVP_DigestUpdate(ctx, buf, (size_t)n)) {
			err = -EIO;
			goto out;
		}
		if (cfd >= 0) {
			err = dg_write_all(cfd, buf, (size_t)n);
			if (err)
				goto out;
		}
	}
	if (*size != expect) {
		err = -EAGAIN;
		goto out;
	}
	if (!EVP_DigestFinal_ex(ctx, md, &mdlen) || mdlen != DG_HASH_HEX / 2) {
		err = -EIO;
		goto out;
	}
	dg_hex_encode(md, mdlen, hex);
out:
	EVP_MD_CTX_free(ctx);
	free(buf);
	return err;
}

/* Makes the copy in @tmp (open as @cfd) the one for its content. */
static void dg_keep_copy(const char *qdir, int cfd, const char *tmp,
			 struct dg_evidence *out)
{
	char dst[sizeof(out->quarantine)];
	struct stat st;

	if (fsync(cfd) || fchmod(cfd, 0400)) {
		dg_note(out, "quarantine: cannot write the copy: %s", strerror(errno));
		unlink(tmp);
		return;
	}
	snprintf(dst, sizeof(dst), "%s/%s", qdir, out->sha256);
	/* The same content was kept before: one copy is enough. */
	if (!lstat(dst, &st)) {
		unlink(tmp);
	} else if (rename(tmp, dst)) {
		dg_note(out, "quarantine: cannot write the copy: %s", strerror(errno));
		unlink(tmp);
		return;
	}
	snprintf(out->quarantine, sizeof(out->quarantine), "%s", dst);
}

bool dg_evidence_wanted(int hook, int class)
{
	return (hook == DRIFTGUARD_HOOK_EXEC || hook == DRIFTGUARD_HOOK_MMAP) &&
	       (class == DRIFTGUARD_CLASS_UPPER || class == DRIFTGUARD_CLASS_VOLUME ||
		class == DRIFTGUARD_CLASS_METADATA);
}

int dg_evidence_collect(uint32_t tgid, const char *cgroup_dir, const char *path,
			uint64_t ino, const char *qdir, uint64_t qmax,
			struct dg_evidence *out)
{
	char tmp[sizeof(out->quarantine)];
	bool copy = false;
	struct stat st;
	int fd, rfd, cfd = -1, err;

	memset(out, 0, sizeof(*out));
	if (path[0] != '/') {
		dg_note(out, "not read: '%s' is not a path", path);
		return -EINVAL;
	}
	fd = dg_open_evidence(tgid, cgroup_dir, path);
	if (fd < 0) {
		dg_note(out, "not read: %s", strerror(-fd));
		return fd;
	}
	if (fstat(fd, &st)) {
		err = -errno;
		dg_note(out, "not read: %s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		err = -EINVAL;
		dg_note(out, "not read: %s", "not a regular file");
		goto out;
	}
	if (ino && (uint64_t)st.st_ino != ino) {
		err = -ESTALE;
		dg_note(out, "not read: %s", "the file at the path was replaced");
		goto out;
	}
	if ((uint64_t)st.st_size > DG_EVIDENCE_HASH_MAX) {
		err = -EFBIG;
		dg_note(out, "not read: %s", "larger than 1 GiB");
		goto out;
	}
	/* A regular file, the one judged: now open it for reading. */
	snprintf(tmp, sizeof(tmp), "/proc/self/fd/%d", fd);
	rfd = open(tmp, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (rfd < 0) {
		err = -errno;
		dg_note(out, "not read: %s", strerror(errno));
		goto out;
	}
	close(fd);
	fd = rfd;
	if (qdir && (uint64_t)st.st_size > qmax) {
		dg_note(out, "quarantine: %s", "skipped, larger than quarantine_max_bytes");
	} else if (qdir) {
		err = dg_mkdirs(qdir);
		snprintf(tmp, sizeof(tmp), "%s/.incoming-XXXXXX", qdir);
		cfd = err ? -1 : mkostemp(tmp, O_CLOEXEC);
		if (cfd < 0)
			dg_note(out, "quarantine: cannot write the copy: %s",
				strerror(err ? -err : errno));
		copy = cfd >= 0;
	}
	err = dg_hash_fd(fd, cfd, out->sha256, (uint64_t)st.st_size, &out->size);
	if (err) {
		out->sha256[0] = '\0';
		dg_note(out, "not read: %s", err == -EAGAIN ?
			"the file changed while it was read" : strerror(-err));
		if (copy)
			unlink(tmp);
		goto out;
	}
	if (copy)
		dg_keep_copy(qdir, cfd, tmp, out);
out:
	if (cfd >= 0)
		close(cfd);
	close(fd);
	return err;
}
