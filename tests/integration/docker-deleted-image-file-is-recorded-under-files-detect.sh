#!/bin/bash
# On Docker, under files = detect on the parent cgroup of its containers,
# a container's rm of an image file (a licence text in
# /usr/share/common-licenses) goes through, and driftguardd writes an
# alerted record of class deleted naming the file, the runtime and the
# container.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=detect
out=$(rt_attack dg/base 'rm /usr/share/common-licenses/GPL-2 && echo rm=ok')
expect_match "rm" 'rm=ok' "$out"
re='"action":"alerted","class":"deleted","hook":"unlink".*"path":"/usr/share/common-licenses/GPL-2"'
wait_until 10 "the alerted record of the deletion" grep -Eq -- "$re" "$C"/events.jsonl
rec=$(grep -E -- "$re" "$C"/events.jsonl | head -n 1)
expect_match "runtime in the record" '"runtime":"docker"' "$rec"
expect_match "container id in the record" "\"container_id\":\"$(rt_id)\"" "$rec"
pass
