#!/bin/bash
# On Docker, under files = prevent on the parent cgroup of its containers,
# a volume is not the image: a container writes, renames and deletes files
# in a bind-mounted host directory with no record, while the same write
# to the image's /etc is refused.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=prevent
mkdir "$C"/vol
RT_OPTS=(-v "$C/vol:/vol")
out=$(rt_attack dg/base 'echo data >/vol/a && mv /vol/a /vol/b && echo kept >/vol/c &&
rm /vol/b && echo vol=ok
echo x >/etc/dg-volume-test; echo "etc=$?"')
printf '%s\n' "$out"
expect_match "the volume's writes" 'vol=ok' "$out"
expect_match "the write to /etc" 'etc=[1-9]' "$out"
expect_eq "the file left in the volume" kept "$(cat "$C"/vol/c)"
expect_drift_record "the refused write to /etc" '"path":"/etc/dg-volume-test"'
bad=$(grep -E '"action":"(blocked|alerted)".*"path":"/vol/' "$C"/events.jsonl || true)
[ -z "$bad" ] || fail "records of the volume's files: $bad"
pass
