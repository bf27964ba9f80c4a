#!/bin/bash
# With security_socket_connect held by another IPMODIFY ftrace user (a
# stand-in for a livepatch, tests/modules) on a module loaded afresh (the
# connect hook is installed only when a policy asks for it),
# `driftctl policy set CG --connect prevent` fails, saying which hook and
# why, and leaves no policy.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
holder=$DG_SRC/build/$DG_KVER/tests/dg_ipmodify_holder.ko
container_create
rmmod driftguard
insmod "$DG_KO"
insmod "$holder" func=security_socket_connect
at_exit sh -c 'rmmod dg_ipmodify_holder 2>/dev/null; true'
rc=0
out=$("$DRIFTCTL" policy set "$CG" --connect prevent 2>&1) || rc=$?
[ "$rc" != 0 ] || fail "policy set succeeded while security_socket_connect was held: $out"
expect_match "driftctl's message" \
	'kernel reports: connect: .*security_socket_connect.*another ftrace user \(a livepatch\?\) holds it' \
	"$out"
expect_eq "policies after the refusal" '[]' "$("$DRIFTCTL" policy list --json)"
pass
