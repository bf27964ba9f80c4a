#!/bin/bash
# On Docker, under files = prevent with /etc/nginx added to the writable
# prefixes: the image's entrypoint edits nginx's configuration with sed -i
# and runs the command, nothing is refused, and the edit is recorded as
# configuration drift (an alerted record of class config), not as noise.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=prevent "writable=/tmp /var/tmp /run /var/cache /var/log /etc/nginx"
out=$(rt_run dg/base /usr/local/bin/docker-entrypoint.sh grep worker_processes /etc/nginx/nginx.conf) ||
	fail "the entrypoint failed: $out"
expect_match "the edited configuration" 'worker_processes 1;' "$out"
wait_until 10 "the config record" grep -Eq '"action":"alerted".*"class":"config".*"path":"/etc/nginx/' "$C"/events.jsonl
bad=$(grep '"action":"blocked"' "$C"/events.jsonl || true)
[ -z "$bad" ] || fail "blocked records were written: $bad"
pass
