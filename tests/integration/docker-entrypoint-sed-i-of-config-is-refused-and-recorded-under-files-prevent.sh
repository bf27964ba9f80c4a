#!/bin/bash
# On Docker, under files = prevent with the default writable prefixes on
# the parent cgroup of its containers: the image's entrypoint cannot edit
# nginx's configuration with sed -i (its temporary file in /etc/nginx is
# refused with EPERM), the container fails before the command runs, and
# driftguardd writes a blocked record of class config for /etc/nginx.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=prevent
out=$(rt_run dg/base /usr/local/bin/docker-entrypoint.sh echo command-ran) &&
	fail "the entrypoint ran: $out"
expect_match "sed's error" 'Operation not permitted' "$out"
case $out in *command-ran*) fail "the command ran: $out" ;; esac
expect_drift_record "the refused edit" '"class":"config".*"path":"/etc/nginx/'
pass
