#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# driftguard: build-time feature probes of the target kernel's headers.
#
# Prints -DDRIFTGUARD_HAS_<FEATURE> for every feature the headers in $1 (the
# kernel's srctree) provide. compat.h is the only reader of these macros, so
# the rest of the module never tests kernel versions.
src=$1

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
exit 0
