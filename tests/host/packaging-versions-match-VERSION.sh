#!/usr/bin/env bash
# The version lives in VERSION: debian/changelog's latest entry says the same
# (debian/rules refuses to build otherwise), dkms.conf.in leaves it to be
# filled in (#MODULE_VERSION#), and make dkms-src's dkms.conf has it.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$REPO/tests/lib/common.sh"

version=$(cat "$REPO/VERSION")
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "VERSION is not N.N.N: '$version'"
cl=$(cd "$REPO" && dpkg-parsechangelog -SVersion)
[ "$cl" = "$version" ] || fail "debian/changelog's version is $cl, VERSION says $version: add a changelog entry"
grep -qx 'PACKAGE_VERSION="#MODULE_VERSION#"' "$REPO/dkms.conf.in" ||
	fail "dkms.conf.in must say PACKAGE_VERSION=\"#MODULE_VERSION#\" (make dkms-src and dh_dkms -V fill it in)"
make -s -C "$REPO" dkms-src >/dev/null || fail "make dkms-src failed"
grep -qx "PACKAGE_VERSION=\"$version\"" "$REPO/build/dkms/driftguard-$version/dkms.conf" ||
	fail "make dkms-src's dkms.conf does not say PACKAGE_VERSION=\"$version\""
pass
