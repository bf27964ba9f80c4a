#!/bin/bash
# With files detect, chown, chmod and touch of image files (each a copy-up)
# are reported as file drift: one "modified" copy-up record each, while the
# files run as image files under mode prevent.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --files detect
events_start
in_container /bin/busybox chown 1:1 /bin/hello
in_container /bin/chmod 700 /bin/hello-dyn
in_container /bin/busybox touch /bin/exec-storm
expect_runs /bin/hello >/dev/null
events_stop
for f in hello hello-dyn exec-storm; do
	expect_eq "modified records of /bin/$f" 1 \
		"$(events_count '"class":"modified","hook":"copy-up".*"path":"/bin/'"$f"'"')"
done
pass
