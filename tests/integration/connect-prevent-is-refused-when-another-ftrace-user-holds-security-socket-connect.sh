#!/bin/bash
# With security_socket_connect held by another IPMODIFY ftrace user (a
# stand-in for a livepatch, tests/modules) on a module loaded afresh (the
# connect hook is installed only when a policy asks for it),
# `driftctl policy set CG --connect prevent` fails, saying which hook and
# why, and leaves no policy.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
rmmod driftguard
insmod "$DG_KO"
hold_function security_socket_connect
expect_policy_refused \
	'kernel reports: connect: .*security_socket_connect.*another ftrace user \(a livepatch\?\) holds it' \
	--connect prevent
pass
