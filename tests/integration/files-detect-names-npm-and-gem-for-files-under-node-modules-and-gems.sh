#!/bin/bash
# With --files detect, a file created under an application's node_modules
# tree is class "package" naming manager npm, one under a Ruby gems tree
# naming manager gem; a file beside them, in neither tree, stays "created".
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --files detect
events_start
expect_runs /bin/sh -c 'mkdir -p /app/node_modules/left-pad &&
	echo "module.exports = 1" >/app/node_modules/left-pad/index.js &&
	mkdir -p /var/lib/gems/3.1.0/gems/rake-13.0.6 &&
	echo "# rake" >/var/lib/gems/3.1.0/gems/rake-13.0.6/rake.rb &&
	echo "app" >/app/main.js'
events_stop
expect_eq "package events naming npm" 1 \
	"$(events_count '"class":"package","hook":"create","manager":"npm".*"path":"/app/node_modules/left-pad/index.js"')"
expect_eq "package events naming gem" 1 \
	"$(events_count '"class":"package","hook":"create","manager":"gem".*"path":"/var/lib/gems/3.1.0/gems/rake-13.0.6/rake.rb"')"
expect_eq "created events for /app/main.js" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/app/main.js"')"
pass
