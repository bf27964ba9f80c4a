#!/bin/bash
# With --files detect, what `gem install rake` writes into the GEM_HOME of
# the official ruby images, /usr/local/bundle (the gem's files under
# gems/rake-13.0.6 and its specification under specifications), is
# package drift naming gem, both files.
set -eu
. "$DG_SRC/tests/lib.sh"
GH=/usr/local/bundle
container_create
container_umount
mkdir -p "$C"/image$GH/gems "$C"/image$GH/specifications
container_mount
policy --files detect
events_start
expect_runs /bin/sh -c "mkdir -p $GH/gems/rake-13.0.6/lib &&
	echo 'module Rake; end' >$GH/gems/rake-13.0.6/lib/rake.rb &&
	echo 'Gem::Specification.new' >$GH/specifications/rake-13.0.6.gemspec"
events_stop
expect_eq "package events naming gem for the gem's file" 1 \
	"$(events_count '"class":"package","hook":"create","manager":"gem".*"path":"'$GH'/gems/rake-13.0.6/lib/rake.rb"')"
expect_eq "package events naming gem for its specification" 1 \
	"$(events_count '"class":"package","hook":"create","manager":"gem".*"path":"'$GH'/specifications/rake-13.0.6.gemspec"')"
expect_eq "created events" 0 "$(events_count '"class":"created"')"
pass
