#!/bin/bash
# A documented non-detection (README, "What is and is not detected"): a
# script dropped into the container and read by the image's shell
# (`sh script`, `sh < script`) runs under --mode prevent, and no event is
# sent: the shell is image content, the script is its input. Should this
# ever change, the README must change with it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent
printf 'echo dropped-script-ran\n' >"$ROOT"/tmp/payload.sh
events_start
out=$(expect_runs /bin/sh /tmp/payload.sh)
out2=$(expect_runs /bin/sh -c '/bin/sh < /tmp/payload.sh')
events_stop
expect_match "sh FILE runs it" 'dropped-script-ran' "$out"
expect_match "sh < FILE runs it" 'dropped-script-ran' "$out2"
expect_eq "events" 0 "$(events_count .)"
pass
