#!/bin/bash
# A script created in the container is blocked although its interpreter
# (/bin/sh) comes from the image; the event names the interpreter.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent
printf '#!/bin/sh\necho script-ran\n' >"$ROOT"/tmp/script.sh
chmod 755 "$ROOT"/tmp/script.sh
events_start
expect_denied /tmp/script.sh
events_stop
expect_eq "blocked script event" 1 \
	"$(events_count '"action":"blocked","class":"upper".*"path":"/tmp/script.sh".*"interpreter":"/bin/sh"')"
pass
