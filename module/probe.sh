#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# driftguard: build-time feature probes of the target kernel's headers.
#
# Prints -DDRIFTGUARD_HAS_<FEATURE> for every feature the headers in $1 (the
# kernel's srctree) provide, and the layout of overlayfs' private inode as
# the target kernel $2 (its release) describes it in its overlay.ko.
# compat.h is the only reader of these macros, so the rest of the module
# never tests kernel versions.
src=$1
rel=$2
here=$(dirname "$0")

probe() {
	if grep -qs -- "$2" "$src/$1"; then
		printf ' -DDRIFTGUARD_HAS_%s' "$3"
	fi
}

# Debian 6.1 gained multicast group capability flags only in 6.1.176.
probe include/net/genetlink.h 'GENL_MCAST_CAP_SYS_ADMIN' GENL_MCAST_CAP
# 6.2+: pre_doit is given a struct genl_split_ops.
probe include/net/genetlink.h 'struct genl_split_ops {' GENL_SPLIT_OPS
# 6.8+: overlayfs maps backing files whose user-visible path is separate.
probe include/linux/fs.h 'file_user_path(' FILE_USER_PATH

# Until 7.x <linux/module.h> declares struct module_use (lock.c links one).
probe include/linux/module.h 'struct module_use {' MODULE_USE

# A declaration in a header, compared with its whitespace squeezed to single
# spaces (prototypes wrap lines differently from kernel to kernel).
signature() {
	if tr -s '\n\t ' '   ' <"$src/$1" 2>/dev/null | grep -qF -- "$2"; then
		printf ' -DDRIFTGUARD_HAS_%s' "$3"
	fi
}

# The functions hooks.c attaches to and whose arguments its handlers
# (hooks-*.c) read by position (regs_get_kernel_argument): each must still
# be declared exactly so, or the handler would read the wrong argument.
# compat.h refuses the build otherwise.
signature include/linux/security.h 'int security_bprm_check(struct linux_binprm *bprm);' SIG_BPRM_CHECK
signature include/linux/security.h 'int security_mmap_file(struct file *file, unsigned long prot, unsigned long flags);' SIG_MMAP_FILE
signature include/linux/security.h 'int security_file_mprotect(struct vm_area_struct *vma, unsigned long reqprot, unsigned long prot);' SIG_FILE_MPROTECT
signature include/linux/security.h 'int security_inode_copy_up(struct dentry *src, struct cred **new);' SIG_INODE_COPY_UP
signature include/linux/security.h 'int security_dentry_create_files_as(struct dentry *dentry, int mode, ' SIG_DENTRY_CREATE_FILES_AS
signature include/linux/security.h 'int security_create_user_ns(const struct cred *cred);' SIG_CREATE_USER_NS
# procfs' mem_open() is static: it is struct file_operations' open.
signature include/linux/fs.h 'int (*open) (struct inode *, struct file *);' SIG_FOP_OPEN
signature include/linux/security.h 'void security_sb_delete(struct super_block *sb);' SIG_SB_DELETE
signature include/linux/security.h 'int security_socket_listen(struct socket *sock, int backlog);' SIG_SOCKET_LISTEN
signature include/linux/security.h 'int security_socket_bind(struct socket *sock, struct sockaddr *address, int addrlen);' SIG_SOCKET_BIND
signature include/linux/security.h 'int security_socket_connect(struct socket *sock, struct sockaddr *address, int addrlen);' SIG_SOCKET_CONNECT
# files.c: the changes of a container's rootfs (the dentries by position).
signature include/linux/security.h 'int security_inode_create(struct inode *dir, struct dentry *dentry, umode_t mode);' SIG_INODE_CREATE
signature include/linux/security.h 'int security_inode_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode);' SIG_INODE_MKDIR
signature include/linux/security.h 'int security_inode_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);' SIG_INODE_MKNOD
signature include/linux/security.h 'int security_inode_symlink(struct inode *dir, struct dentry *dentry, const char *old_name);' SIG_INODE_SYMLINK
signature include/linux/security.h 'int security_inode_link(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);' SIG_INODE_LINK
signature include/linux/security.h 'int security_inode_unlink(struct inode *dir, struct dentry *dentry);' SIG_INODE_UNLINK
signature include/linux/security.h 'int security_inode_rmdir(struct inode *dir, struct dentry *dentry);' SIG_INODE_RMDIR
signature include/linux/security.h 'int security_inode_rename(struct inode *old_dir, struct dentry *old_dentry, struct inode *new_dir, struct dentry *new_dentry, unsigned int flags);' SIG_INODE_RENAME
# 6.1 passes a user_namespace first, 6.3+ an mnt_idmap: the dentry is second in both.
signature include/linux/security.h 'int security_inode_setattr(struct user_namespace *mnt_userns, struct dentry *dentry, struct iattr *attr);' SIG_INODE_SETATTR
signature include/linux/security.h 'int security_inode_setattr(struct mnt_idmap *idmap, struct dentry *dentry, struct iattr *attr);' SIG_INODE_SETATTR
signature include/linux/security.h 'int security_inode_setxattr(struct user_namespace *mnt_userns, struct dentry *dentry, const char *name, const void *value, size_t size, int flags);' SIG_INODE_SETXATTR
signature include/linux/security.h 'int security_inode_setxattr(struct mnt_idmap *idmap, struct dentry *dentry, const char *name, const void *value, size_t size, int flags);' SIG_INODE_SETXATTR
signature include/linux/security.h 'int security_inode_removexattr(struct user_namespace *mnt_userns, struct dentry *dentry, const char *name);' SIG_INODE_REMOVEXATTR
signature include/linux/security.h 'int security_inode_removexattr(struct mnt_idmap *idmap, struct dentry *dentry, const char *name);' SIG_INODE_REMOVEXATTR
# 6.2+: POSIX ACLs are set and removed through these, no longer as xattrs.
probe include/linux/security.h 'int security_inode_set_acl(' INODE_SET_ACL
signature include/linux/security.h 'int security_inode_set_acl(struct mnt_idmap *idmap, struct dentry *dentry, const char *acl_name, struct posix_acl *kacl);' SIG_INODE_SET_ACL
signature include/linux/security.h 'int security_inode_remove_acl(struct mnt_idmap *idmap, struct dentry *dentry, const char *acl_name);' SIG_INODE_REMOVE_ACL
signature include/linux/cgroup.h 'extern int cgroup_can_fork(struct task_struct *p, struct kernel_clone_args *kargs);' SIG_CGROUP_CAN_FORK
# The ftrace API the hooks use: an ops' handler gets a struct ftrace_regs,
# whose partial pt_regs (compat.h) is 6.12's arch_ftrace_regs()->regs and
# 6.1's x86 struct ftrace_regs' only member.
signature include/linux/ftrace.h 'typedef void (*ftrace_func_t)(unsigned long ip, unsigned long parent_ip, struct ftrace_ops *op, struct ftrace_regs *fregs);' FTRACE_FUNC_FREGS
probe include/linux/ftrace_regs.h '#define arch_ftrace_regs(' FTRACE_ARCH_REGS
signature arch/x86/include/asm/ftrace.h 'struct ftrace_regs { struct pt_regs regs; };' FTRACE_REGS_PT_REGS

# The offsets of __upperdentry and of the member before it (the VFS inode)
# in struct ovl_inode, read by ovl-layout.c from the BTF of the target
# kernel's overlay.ko: compat.h refuses the build unless they are
# sizeof(struct inode) apart. Also where the inode's flags and its lower
# layer are, what the lower member is, and the OVL_UPPERDATA bit (copied.c). Looked for in $DRIFTGUARD_KMOD_DIR, then the
# kernel's module tree (present wherever its image is installed, so in DKMS
# builds), then the test kernels' cache of scripts/bootstrap. Nothing is
# printed when it cannot be read: the build then stops, saying why.
ovl_layout() {
	for dir in ${DRIFTGUARD_KMOD_DIR:+"$DRIFTGUARD_KMOD_DIR"} \
		"/lib/modules/$rel" "/var/cache/driftguard/kernels/$rel/lib/modules/$rel"; do
		for ko in "$dir"/kernel/fs/overlayfs/overlay.ko*; do
			[ -f "$ko" ] && break 2
		done
	done
	if [ ! -f "$ko" ]; then
		echo "probe.sh: no overlay.ko for $rel under /lib/modules/$rel (is its image installed?); set DRIFTGUARD_KMOD_DIR to its module tree" >&2
		return
	fi
	tmp=$(mktemp -d) || return
	case $ko in
	*.xz) xz -dc "$ko" >"$tmp/overlay.ko" ;;
	*.zst) zstd -qdc "$ko" >"$tmp/overlay.ko" ;;
	*.gz) gzip -dc "$ko" >"$tmp/overlay.ko" ;;
	*) cp "$ko" "$tmp/overlay.ko" ;;
	esac &&
	${HOSTCC:-cc} -O2 -o "$tmp/ovl-layout" "$here/ovl-layout.c" &&
	set -- $("$tmp/ovl-layout" "$tmp/overlay.ko") &&
	[ $# = 7 ] &&
	printf ' -DDRIFTGUARD_OVL_INODE_OFFSET=%s -DDRIFTGUARD_OVL_UPPER_OFFSET=%s' "$1" "$2" &&
	printf ' -DDRIFTGUARD_OVL_FLAGS_OFFSET=%s -DDRIFTGUARD_OVL_LOWER_KIND=%s' "$4" "$5" &&
	printf ' -DDRIFTGUARD_OVL_LOWER_OFFSET=%s -DDRIFTGUARD_OVL_UPPERDATA=%s' "$6" "$7" ||
	echo "probe.sh: cannot read struct ovl_inode from $ko" >&2
	rm -rf "$tmp"
}
ovl_layout
exit 0
