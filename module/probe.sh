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
