#!/usr/bin/env bash
# With DG_KERNELS=all: in the build chroot of each other suite (trixie, whose
# sources carry trixie-backports, and sid), that suite's own DKMS adds the
# module tree `make dkms-src` makes, builds it for each of the suite's test
# kernels (scripts/kernels --core) with the suite's compiler and installs it
# into /lib/modules/<release>/updates/dkms, as on a node of that suite; a
# kernel of the next series is refused (BUILD_EXCLUSIVE, exit 77, saying
# so); and `dkms remove --all` leaves no driftguard module behind (what dkms
# and depmod add to /lib/modules/<release> goes at exit).
# dg-kernels: all
# dg-timeout: 1200
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"
VERSION=$(cat "$repo/VERSION")

say() { echo "${0##*/}: $*"; }

[ "$(id -u)" = 0 ] || fail "must run as root (chroot, dkms)"
[ "${DG_KERNELS:-}" = all ] ||
	fail "needs DG_KERNELS=all (the other suites' kernels and their chroots)"
kernels=$("$repo/scripts/kernels" --core) || fail "scripts/kernels --core failed"
[ -n "$kernels" ] || fail "scripts/kernels --core lists no kernel"

# One run at a time: the chroots' /usr/src and /var/lib/dkms are shared.
exec 9>/run/lock/driftguard-chroot-dkms-test.lock
flock -w 600 9 || fail "another run holds /run/lock/driftguard-chroot-dkms-test.lock"

make -s -C "$repo" dkms-src >/dev/null || fail "make dkms-src failed"
tree=$repo/build/dkms/driftguard-$VERSION

in_chroot() { # SUITE CMD...: CMD in SUITE's chroot, from the repository
	(cd "$repo" && "$repo/scripts/chroot" run "$@")
}

# What /lib/modules/<release> held before, one path a line.
listing() { (cd "$1" 2>/dev/null && find . -mindepth 1 -maxdepth 2 | sort); }

# shellcheck disable=SC2317  # reached through at_exit
cleanup() { # SUITE CHROOT RELEASE BEFORE
	local p
	if [ -n "$(in_chroot "$1" dkms status driftguard 2>/dev/null)" ]; then
		in_chroot "$1" dkms remove "driftguard/$VERSION" --all >/dev/null 2>&1 ||
			echo "cleanup: dkms remove driftguard/$VERSION --all in $2 failed" >&2
	fi
	rm -rf "$2/usr/src/driftguard-$VERSION" "$2/var/lib/dkms/driftguard"
	rm -f "$2/lib/modules/$3/updates/dkms/driftguard.ko"*
	# depmod's indexes and the updates directories, unless they were there before.
	while IFS= read -r p; do
		[ -n "$p" ] && rm -rf "${2:?}/lib/modules/$3/${p#./}"
	done < <(comm -13 <(printf '%s\n' "$4") <(listing "$2/lib/modules/$3"))
}

for k in $kernels; do
	t0=$(date +%s)
	suite=$("$repo/scripts/kernels" --suite "$k") || fail "scripts/kernels --suite $k failed"
	croot=$("$repo/scripts/chroot" dir "$suite") || fail "scripts/chroot dir $suite failed"
	[ -x "$croot/usr/sbin/dkms" ] ||
		fail "no dkms in $croot: run DG_KERNELS=all scripts/bootstrap"
	st=$(in_chroot "$suite" dkms status driftguard 2>&1)
	[ -z "$st" ] || fail "driftguard is already registered with DKMS in $croot, not touching it: $st"
	[ ! -e "$croot/usr/src/driftguard-$VERSION" ] ||
		fail "$croot/usr/src/driftguard-$VERSION already exists, not touching it"
	at_exit cleanup "$suite" "$croot" "$k" "$(listing "$croot/lib/modules/$k")"

	cp -a "$tree" "$croot/usr/src/driftguard-$VERSION"
	in_chroot "$suite" dkms add "driftguard/$VERSION" >/dev/null ||
		fail "dkms add driftguard/$VERSION in $croot failed"
	log=$(mktemp)
	at_exit rm -f "$log"
	in_chroot "$suite" dkms build -k "$k" "driftguard/$VERSION" >"$log" 2>&1 ||
		fail "dkms build -k $k in $croot failed: $(tail -n 20 "$log"; cat "$croot/var/lib/dkms/driftguard/$VERSION/build/make.log" 2>/dev/null)"
	in_chroot "$suite" dkms install -k "$k" "driftguard/$VERSION" >"$log" 2>&1 ||
		fail "dkms install -k $k in $croot failed: $(tail -n 20 "$log")"

	ko=$(find "$croot/lib/modules/$k/updates/dkms" -name 'driftguard.ko*' -print -quit 2>/dev/null)
	[ -n "$ko" ] || fail "no driftguard.ko* in $croot/lib/modules/$k/updates/dkms"
	v=$(modinfo -F version "$ko")
	[ "$v" = "$VERSION" ] || fail "$ko: version '$v', expected '$VERSION'"
	vm=$(modinfo -F vermagic "$ko")
	[ "${vm%% *}" = "$k" ] || fail "$ko: vermagic '$vm', expected it to start with $k"
	in_chroot "$suite" dkms status "driftguard/$VERSION" -k "$k" | grep -q ': installed' ||
		fail "dkms status in $croot does not show driftguard/$VERSION installed for $k"

	# The suite's compiler built it: the module's .comment names it.
	cc=$(chroot "$croot" gcc --version | sed -n 1p) # gcc (Debian 14.2.0-19) 14.2.0
	obj=$(mktemp)
	at_exit rm -f "$obj"
	case $ko in
	*.xz) xz -dc "$ko" >"$obj" ;;
	*.zst) zstd -qdc "$ko" >"$obj" ;;
	*.gz) gzip -dc "$ko" >"$obj" ;;
	*) cp "$ko" "$obj" ;;
	esac
	comment=$(readelf -p .comment "$obj" | sed -n 's/^ *\[ *[0-9]*\] *//p' | grep '^GCC:' | sort -u)
	[ "$comment" = "GCC: ${cc#gcc }" ] ||
		fail "$ko was built by '$comment', not by $croot's ${cc}"
	say "$k: built and installed by $suite's DKMS with ${cc} in $(($(date +%s) - t0))s"

	# The next series of the same suite is refused before anything is built.
	series=${k%%[-+]*}
	major=${series%%.*}
	minor=${series#*.}
	minor=${minor%%.*}
	other="$major.$((minor + 1)).0${k#"$series"}"
	rc=0
	out=$(in_chroot "$suite" dkms build -k "$other" "driftguard/$VERSION" 2>&1) || rc=$?
	[ "$rc" = 77 ] || fail "dkms build for $other in $croot: exit $rc, expected 77 (BUILD_EXCLUSIVE): $out"
	grep -q 'BUILD_EXCLUSIVE' <<<"$out" || fail "dkms build for $other in $croot does not say why: $out"
	say "$suite's DKMS refuses $other"

	in_chroot "$suite" dkms remove "driftguard/$VERSION" --all >/dev/null ||
		fail "dkms remove driftguard/$VERSION --all in $croot failed"
	[ -z "$(in_chroot "$suite" dkms status driftguard)" ] ||
		fail "still registered in $croot after dkms remove --all"
	left=$(find "$croot/lib/modules/$k" -name 'driftguard.ko*')
	[ -z "$left" ] || fail "left after dkms remove --all: $left"
	rm -rf "$croot/usr/src/driftguard-$VERSION"
done
pass
