#!/bin/bash
# The policy denies the full path /usr/bin/apt-get (an image program). A
# container process chroots into /usr and runs it as /bin/apt-get: the deny
# entry names the file, not the view, so it is refused with EPERM and one
# blocked prohibited event reports it.
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
policy --mode prevent --memfd prevent --volume prevent --mmap prevent \
	--deny /usr/bin/apt-get
out=$(in_container /bin/busybox chroot /usr /bin/nonexistent) || true
expect_match "set-up: chroot into /usr" "can't execute '/bin/nonexistent': No such file" "$out"
events_start
out=$(in_container /bin/busybox chroot /usr /bin/apt-get) || true
events_stop
expect_refused "/usr/bin/apt-get run as /bin/apt-get after chroot /usr" "$out"
expect_eq "blocked prohibited exec events" 1 \
	"$(events_count '"action":"blocked","class":"prohibited","hook":"exec"')"
pass
