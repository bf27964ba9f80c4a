#!/bin/bash
# In a real runc container, a shebang script written at runtime is blocked.
set -eu
. "$DG_SRC/tests/lib.sh"
require_runc
container_create
policy --mode prevent
out=$(runc_run /bin/sh -c 'printf "#!/bin/sh\necho script-ran\n" >/tmp/s.sh; chmod +x /tmp/s.sh; /tmp/s.sh') || true
expect_match "shell output" 'Permission denied|Operation not permitted' "$out"
printf '%s' "$out" | grep -q script-ran && fail "the script ran: $out"
pass
