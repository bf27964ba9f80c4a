#!/bin/bash
# A script that may run (on a volume, volume class off) whose #! names a
# program dropped into the container is refused under --mode prevent: the
# interpreter is judged as an exec of its own. One blocked exec event
# names the interpreter.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
volume_create
policy --mode prevent
drop "$BIN"/hello /tmp/interp
printf '#!/tmp/interp\necho script-ran\n' >"$C"/data-volume/script
chmod 755 "$C"/data-volume/script
events_start
out=$(in_container /data/script) && fail "the script ran: $out"
events_stop
case $out in *"hello from"*) fail "the drifted interpreter ran: $out" ;; esac
expect_match "refused with EPERM" 'Operation not permitted|Permission denied' "$out"
expect_eq "blocked exec events of the interpreter" 1 \
	"$(events_count '"action":"blocked","class":"upper","hook":"exec".*"path":"/tmp/interp"')"
pass
