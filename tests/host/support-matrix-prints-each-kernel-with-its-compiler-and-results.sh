#!/bin/bash
# scripts/support-matrix makes the README's supported-kernels table from a
# make check run: one row per test kernel naming its distribution, the GCC
# version in the module's .comment section, where it was built, the tier and
# the pass/fail counts with the kernel-log verdict, "not run" for a kernel
# without results, and the verdicts of the DKMS and package host tests of
# its suite (host.txt); without kernels.suites (no DG_KERNELS=all bootstrap)
# the two Debian 12 kernels of kernels.list.
set -eu
. "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

d=$(mktemp -d)
at_exit rm -rf "$d"
printf 'k-old\nk-new\n' >"$d/kernels.list"
printf 'k-old bookworm\nk-new bookworm-backports\nk-sid sid\n' >"$d/kernels.suites"
mkdir -p "$d/results/k-old" "$d/results/k-new" "$d/build/k-old" "$d/build/k-sid"
printf 'PASS a\nPASS b\nFAIL c (exit 1)\n' >"$d/results/k-old/results.txt"
echo kernel_log=clean >"$d/results/k-old/run.status"
printf 'PASS a\n' >"$d/results/k-new/results.txt"
echo kernel_log=dirty >"$d/results/k-new/run.status"
printf 'PASS dkms-builds-and-installs-for-both-kernels\nFAIL deb-installs-and-purges-in-vm (exit 1)\nPASS dkms-in-each-suites-chroot-builds-and-installs-with-its-own-compiler\n' >"$d/results/host.txt"
# A module's .comment as GCC writes it.
printf 'int x;\n' >"$d/x.c"
gcc -c -o "$d/build/k-old/driftguard.ko" "$d/x.c"
gccv=$(gcc -dumpfullversion)
# An object whose .comment names another compiler's version.
gcc -c -o "$d/build/k-sid/driftguard.ko" "$d/x.c"
objcopy --remove-section .comment "$d/build/k-sid/driftguard.ko"
printf 'GCC: (Debian 16.2.0-4) 16.2.0\0' >"$d/comment"
objcopy --add-section .comment="$d/comment" "$d/build/k-sid/driftguard.ko"

out=$(DRIFTGUARD_CACHE=$d DG_BUILD_DIR=$d/build "$repo/scripts/support-matrix" "$d/results")
# shellcheck disable=SC2016  # the header names `make check`, no expansion
expect_eq "header" '| distribution | kernel | compiler | module built | last `make check` | DKMS and packages, last `make check` |' "$(sed -n 1p <<<"$out")"
expect_eq "6.1's row" "| Debian 12 bookworm | k-old | gcc $gccv | on the host | whole suite: 2 passed, 1 failed; kernel log clean | DKMS build and install: passed; modprobe of the DKMS module in a VM: not run; the .debs install, run and purge in a VM: FAILED |" \
	"$(sed -n 3p <<<"$out")"
expect_eq "a kernel not built, its log not clean" "| Debian 12 bookworm-backports | k-new | not built | on the host | whole suite: 1 passed, 0 failed; kernel log NOT clean or not checked | DKMS build and install: passed; modprobe of the DKMS module in a VM: not run |" \
	"$(sed -n 4p <<<"$out")"
expect_eq "a kernel without results" "| Debian unstable (sid) | k-sid | gcc 16.2.0 | in the sid chroot | not run | DKMS build and install in the suite's chroot: passed |" \
	"$(sed -n 5p <<<"$out")"

rm "$d/kernels.suites"
out=$(DRIFTGUARD_CACHE=$d DG_BUILD_DIR=$d/build "$repo/scripts/support-matrix" "$d/results")
expect_eq "rows without kernels.suites" 2 "$(grep -c '^| Debian 12' <<<"$out")"
expect_eq "no other suite without kernels.suites" 0 "$(grep -c 'sid' <<<"$out")"
pass "support-matrix prints each kernel with its compiler and results"
