/* SPDX-License-Identifier: GPL-2.0 */
/*
 * driftguard: the one place where kernel differences are bridged.
 *
 * Every difference is selected by a DRIFTGUARD_HAS_* macro that probe.sh
 * derives from the target kernel's headers, never by a version number, so
 * backports are handled by what the kernel has rather than what it claims.
 */
#ifndef DRIFTGUARD_COMPAT_H
#define DRIFTGUARD_COMPAT_H

#include <linux/fs.h>
#include <net/genetlink.h>

/*
 * Events reveal what runs in every container: only CAP_NET_ADMIN may join
 * the group. Kernels without bind-time enforcement are refused rather than
 * served with an open group.
 */
#ifndef DRIFTGUARD_HAS_GENL_MCAST_CAP
#error "kernel lacks GENL_MCAST_CAP_NET_ADMIN (Debian 6.1.176 or later needed)"
#endif

/*
 * On PREEMPT_RT a spinlock_t sleeps and GFP_ATOMIC allocation is not allowed
 * with preemption disabled, which is how every hook decides: refuse the
 * build rather than ship a module that is wrong there.
 */
#ifdef CONFIG_PREEMPT_RT
#error "PREEMPT_RT (Debian's -rt- flavour) is not supported: the hooks lock and allocate atomically"
#endif

/*
 * The path a user sees for a file. For a mapping of an overlayfs file the
 * vma holds overlay's backing file: from 6.8 a backing_file that remembers
 * the user path, before that a file opened with the user path in f_path.
 */
static inline const struct path *dg_file_user_path(const struct file *file)
{
#ifdef DRIFTGUARD_HAS_FILE_USER_PATH
	return file_user_path(file);
#else
	return &file->f_path;
#endif
}

#endif /* DRIFTGUARD_COMPAT_H */
