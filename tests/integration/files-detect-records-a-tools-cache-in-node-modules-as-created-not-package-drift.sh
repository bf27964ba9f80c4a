#!/bin/bash
# With --files detect, what a build tool caches at run time in
# node_modules/.cache (babel-loader, eslint, webpack: the find-cache-dir
# convention) is file drift, class "created", not package drift naming
# npm; a package's file written into node_modules still is.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
container_umount
mkdir -p "$C"/image/app/node_modules/.cache/babel-loader "$C"/image/app/node_modules/left-pad
container_mount
policy --files detect
events_start
expect_runs /bin/sh -c "echo '{}' >/app/node_modules/.cache/babel-loader/0a1b.json &&
	echo 'module.exports = 1' >/app/node_modules/left-pad/index.js"
events_stop
expect_eq "created events for the cache" 1 \
	"$(events_count '"class":"created","hook":"create".*"path":"/app/node_modules/.cache/babel-loader/0a1b.json"')"
expect_eq "package events for the cache" 0 "$(events_count '"class":"package".*"path":"[^"]*\.cache')"
expect_eq "package events naming npm for the package's file" 1 \
	"$(events_count '"class":"package","hook":"create","manager":"npm".*"path":"/app/node_modules/left-pad/index.js"')"
pass
