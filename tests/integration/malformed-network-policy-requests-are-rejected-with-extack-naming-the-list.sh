#!/bin/bash
# The module checks the network keys itself, whatever sends them: a listen
# mode or loopback value out of range, a listen_allow entry without its
# protocol and a connect_allow entry with host bits beyond its prefix are
# each rejected with EINVAL and an extended-ack message naming the key,
# and change nothing.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
id=$(stat -c %i "$CG")
policy --listen detect --listen-allow tcp:80
before=$("$DRIFTCTL" policy list --json)
check() { # CASE ERRNO REGEX
	local out
	out=$("$BIN"/badmsg "$1" "$id")
	expect_match "$1" "^errno=$2 extack=.*$3" "$out"
}
check listen-out-of-range 22 'listen: must be off, detect or prevent'
check loopback-out-of-range 22 'loopback: must be 0'
check bad-listen-entry 22 'listen_allow: an entry must start with tcp:, udp: or sctp:'
check bad-connect-entry 22 'connect_allow: ADDR has bits set beyond its /PREFIX'
expect_eq "policies unchanged" "$before" "$("$DRIFTCTL" policy list --json)"
pass
