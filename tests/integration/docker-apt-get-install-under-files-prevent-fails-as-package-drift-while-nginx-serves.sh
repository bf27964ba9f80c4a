#!/bin/bash
# On Docker, with Debian's nginx serving under files = prevent (writable:
# the defaults and /var/lib/nginx, its temporary files), `apt-get install`
# of a local one-file package through `docker exec` fails: apt's first
# write, dpkg's lock in /var/lib/dpkg, is refused, the package's file never
# lands, driftguardd writes a blocked record of class package naming the
# manager, and nginx keeps answering on loopback.
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy docker files=prevent "writable=/tmp /var/tmp /run /var/cache /var/log /var/lib/nginx"
p=$C/dgtest
mkdir -p "$p"/DEBIAN "$p"/usr/share/dgtest "$C"/pkg
printf '%s\n' 'Package: dgtest' 'Version: 1.0' 'Architecture: all' \
	'Maintainer: driftguard tests <root@localhost>' \
	'Description: one file' >"$p"/DEBIAN/control
echo hello >"$p"/usr/share/dgtest/hello
dpkg-deb --root-owner-group --build "$p" "$C"/pkg/dgtest.deb >/dev/null
RT_OPTS=(-v "$C/pkg:/pkg:ro")
rt_start dg/nginx
page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1/").read().decode())'; }
wait_until 120 "nginx to answer on 127.0.0.1:80" page
out=$(rt_exec apt-get install -y /pkg/dgtest.deb) && fail "apt-get install ran: $out"
expect_match "apt-get's error" 'Operation not permitted' "$out"
rt_exec test -e /usr/share/dgtest/hello && fail "the package's file landed"
expect_drift_record "the refused install" '"class":"package","hook":"[a-z-]*","manager":"dpkg".*"path":"/var/lib/dpkg/'
expect_match "nginx's page after the refused install" 'Welcome to nginx' "$(page)"
pass
