#!/bin/bash
# A container already running when the module loads, whose processes never
# exec again, is judged from the first policy on: its shell, started while
# the module was out and waiting on a FIFO since, creates /bin/new with the
# shell's own echo (no exec to anchor the container at) under --files
# prevent: EPERM, nothing in the upper layer, one blocked "created" event.
# dg-tier: core
set -eu
. "$DG_SRC/tests/lib.sh"
container_create
kill_container() {
	local p
	for p in $(cat "$CG"/cgroup.procs 2>/dev/null); do
		kill -KILL "$p" 2>/dev/null
	done
	return 0
}
at_exit kill_container
rmmod driftguard
mkfifo "$ROOT"/tmp/go
in_container /bin/sh -c 'read x </tmp/go
if echo data >/bin/new; then echo created; else echo refused; fi' \
	>"$C"/out 2>&1 &
bg=$!
# Its last exec must be over before the module is back: the container's
# shell is busybox in the rootfs, not the wrapper's sh or unshare.
container_shell_runs() {
	local p
	for p in $(cat "$CG"/cgroup.procs); do
		case $(readlink /proc/"$p"/exe) in */busybox) return 0 ;; esac
	done
	return 1
}
wait_until 30 "the container's shell to run" container_shell_runs
insmod "$DG_KO"
policy --files prevent
events_start
echo go >"$ROOT"/tmp/go
wait "$bg" || true
events_stop
expect_match "the shell's echo into /bin" "refused" "$(cat "$C"/out)"
[ ! -e "$C"/upper/bin/new ] || fail "/bin/new reached the upper layer"
expect_eq "blocked created events for /bin/new" 1 \
	"$(events_count '"action":"blocked","class":"created","hook":"create".*"path":"/bin/new"')"
pass
