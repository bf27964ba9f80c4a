# SPDX-License-Identifier: GPL-2.0
# driftguard host tests: register the module source with the host's DKMS and
# take it all away again (sourced by tests/host/dkms-*.sh; not a test itself).
#
# dkms_setup: checks nothing of driftguard is registered yet (a test never
# touches a DKMS registration it did not make), takes the host-wide DKMS test
# lock, builds the /usr/src tree with `make dkms-src`, copies it in place and
# `dkms add`s it; at exit dkms_cleanup removes the module from
# every kernel (dkms remove --all), the /usr/src tree, and what dkms and depmod
# left in /lib/modules/<release> that was not there before.
# Sets REPO, VERSION, KERNELS, SRC (/usr/src/driftguard-VERSION).

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)
VERSION=$(cat "$REPO/VERSION")
SRC=/usr/src/driftguard-$VERSION
. "$REPO/tests/lib/common.sh"

say() {
	echo "${0##*/}: $*"
}

dkms_setup() {
	[ "$(id -u)" = 0 ] || fail "must run as root (dkms installs into /lib/modules)"
	command -v dkms >/dev/null || fail "dkms is not installed (scripts/bootstrap installs it)"
	KERNELS=$("$REPO/scripts/kernels" --full) || fail "scripts/kernels failed"

	# One DKMS test at a time on this host: they share /usr/src and /var/lib/dkms.
	exec 9>/run/lock/driftguard-dkms-test.lock
	flock -w 600 9 || fail "another DKMS test holds /run/lock/driftguard-dkms-test.lock"

	local st
	st=$(dkms status driftguard 2>&1)
	[ -z "$st" ] || fail "driftguard is already registered with DKMS on this host, not touching it: $st"
	[ ! -e "$SRC" ] || fail "$SRC already exists, not touching it"

	# dkms install would archive another driftguard.ko (make install puts one
	# in extra/) and put it back at remove: not ours to move.
	local other
	other=$(find $(printf '/lib/modules/%s ' $KERNELS) -name 'driftguard.ko*' 2>/dev/null || true)
	[ -z "$other" ] || fail "a driftguard module is installed outside DKMS, not touching it: $other"

	# What /lib/modules/<release> held before, so cleanup removes only ours.
	local k
	declare -gA before=()
	for k in $KERNELS; do
		before[$k]=$(cd "/lib/modules/$k" 2>/dev/null && find . -mindepth 1 -maxdepth 2 | sort)
	done
	at_exit dkms_cleanup

	make -s -C "$REPO" dkms-src >/dev/null || fail "make dkms-src failed"
	cp -a "$REPO/build/dkms/driftguard-$VERSION" "$SRC"
	dkms add "driftguard/$VERSION" || fail "dkms add driftguard/$VERSION failed"
}

# dkms_install_all: dkms build and dkms install for every test kernel.
dkms_install_all() {
	local k t0
	for k in $KERNELS; do
		t0=$(date +%s)
		dkms build -k "$k" "driftguard/$VERSION" >"/tmp/dg-dkms-build-$k.log" 2>&1 ||
			fail "dkms build -k $k failed: $(tail -n 20 "/tmp/dg-dkms-build-$k.log"; cat "/var/lib/dkms/driftguard/$VERSION/build/make.log" 2>/dev/null)"
		dkms install -k "$k" "driftguard/$VERSION" >"/tmp/dg-dkms-install-$k.log" 2>&1 ||
			fail "dkms install -k $k failed: $(tail -n 20 "/tmp/dg-dkms-install-$k.log")"
		rm -f "/tmp/dg-dkms-build-$k.log" "/tmp/dg-dkms-install-$k.log"
		say "built and installed for $k in $(($(date +%s) - t0))s"
	done
}

# shellcheck disable=SC2317  # reached through at_exit
dkms_cleanup() {
	local k f
	if [ -n "$(dkms status driftguard 2>/dev/null)" ]; then
		dkms remove "driftguard/$VERSION" --all >/dev/null 2>&1 ||
			echo "cleanup: dkms remove driftguard/$VERSION --all failed" >&2
	fi
	rm -rf "$SRC" /var/lib/dkms/driftguard
	for k in $KERNELS; do
		[ -d "/lib/modules/$k" ] || continue
		rm -f "/lib/modules/$k/updates/dkms/driftguard.ko"*
		# depmod's indexes and the updates directories, unless they were there before.
		for f in $(cd "/lib/modules/$k" && find . -mindepth 1 -maxdepth 2 | sort -r); do
			grep -qxF -- "$f" <<<"${before[$k]}" && continue
			if [ -d "/lib/modules/$k/$f" ]; then
				rmdir "/lib/modules/$k/$f" 2>/dev/null
			else
				case ${f##*/} in modules.*) rm -f "/lib/modules/$k/$f" ;; esac
			fi
		done
	done
	return 0
}
