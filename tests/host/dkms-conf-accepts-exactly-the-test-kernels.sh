#!/usr/bin/env bash
# dkms.conf's BUILD_EXCLUSIVE_KERNEL accepts every kernel the tests run on
# (scripts/kernels: Debian 12's 6.1 and 6.12; with DG_KERNELS=all also
# trixie's 6.12, the newest of trixie-backports and of sid) and refuses
# their neighbours that no test ran on: another series, another suite's
# build of a tested series, and the -rt- and -cloud- flavours. When Debian
# moves a suite to a new series this fails, in a DG_KERNELS=all run, until
# that series is tested and added.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
. "$repo/tests/lib/common.sh"

re=$(sed -n 's/^BUILD_EXCLUSIVE_KERNEL="\(.*\)"$/\1/p' "$repo/dkms.conf.in")
[ -n "$re" ] || fail "dkms.conf.in has no BUILD_EXCLUSIVE_KERNEL=\"...\" line"
kernels=$("$repo/scripts/kernels") || fail "scripts/kernels failed (run scripts/bootstrap)"
want=2
[ "${DG_KERNELS:-}" != all ] || want=5
[ "$(wc -l <<<"$kernels")" -ge "$want" ] ||
	fail "scripts/kernels lists $(wc -l <<<"$kernels") kernels, expected $want (Debian 12's two, with DG_KERNELS=all the other suites' three too)"

for k in $kernels; do
	grep -Eq -- "$re" <<<"$k" ||
		fail "test kernel $k is refused by BUILD_EXCLUSIVE_KERNEL ($re): test it, then add its series"
done

# Untested neighbours of each tested kernel.
for k in $kernels; do
	series=${k%%[-+]*}           # 7.2.13
	rest=${k#"$series"}          # +deb14-amd64 or -57-amd64
	major=${series%%.*}
	minor=${series#*.}; minor=${minor%%.*}
	for other in "${k%-amd64}-rt-amd64" "${k%-amd64}-cloud-amd64" \
		"$major.$((minor + 1)).0$rest" "$major.$((minor - 1)).0$rest" \
		"$((major + 1)).$minor.0$rest"; do
		grep -qxF -- "$other" <<<"$kernels" && continue
		if grep -Eq -- "$re" <<<"$other"; then
			fail "untested kernel $other is accepted by BUILD_EXCLUSIVE_KERNEL ($re)"
		fi
	done
done
# A tested series built for another suite (its compiler and config differ):
# sid's, which only DG_KERNELS=all knows.
[ "${DG_KERNELS:-}" = all ] || pass
case $kernels in *+deb14-amd64*) ;; *) fail "no sid (+deb14) kernel among the test kernels" ;; esac
for k in $kernels; do
	case $k in *+deb14-amd64)
		other=${k%+deb14-amd64}+deb13-amd64
		grep -qxF -- "$other" <<<"$kernels" && continue
		! grep -Eq -- "$re" <<<"$other" ||
			fail "untested kernel $other (sid's series in trixie) is accepted by BUILD_EXCLUSIVE_KERNEL"
	;; esac
done
pass
