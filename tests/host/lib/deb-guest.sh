#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Guest half of tests/host/deb-installs-and-purges-in-vm.sh (run by tests/vm/run
# --no-module): installs build/deb's driftguard-dkms and driftguard into a
# writable copy of the guest's root (overlayfs: the read-only 9p host root
# below, tmpfs above; chroot, with /proc, /sys, /dev and cgroup2 bound in),
# checks driftguard's postinst loaded the module and said so, checks
# modprobe.d's driftguard.off rule, runs driftguardd as the unit's ExecStart
# does, checks the default policies apply and a policy added to policy.d
# blocks and logs a drifted binary, then purges both packages and checks
# nothing they added is left.
#
# By default the kernel headers are hidden, so the driftguard-dkms postinst
# registers the source with DKMS but skips the build ("headers ... not
# installed"); the host half staged the host-built module where DKMS installs
# it, with the indexes depmod makes ($DG_OUT/.dg-deb-modules), and it goes
# into the root's /lib/modules before dpkg -i. With --dkms-build (the host
# test's DG_DEB_DKMS_BUILD=1) the postinst builds and installs the module with
# DKMS (headers from the host root) itself. Under TCG that took over six
# minutes for the build and depmod (with other VMs on the same two CPUs), too
# slow for every run.
#
# With --root DIR the writable root is a copy of DIR instead of the guest's
# root: another Debian release's system (the trixie build chroot, seen
# through the 9p host root), whose dpkg, DKMS, compiler and headers then do
# the install (tests/host/deb-installs-on-a-trixie-root-with-dkms-building-there-in-vm.sh).
set -eu
. "$DG_SRC/tests/lib.sh"

dkms_build=0
lower=/
while [ $# -gt 0 ]; do
	case $1 in
	--dkms-build) dkms_build=1; shift ;;
	--root) lower=${2:?--root needs a directory}; shift 2 ;;
	*) fail "deb-guest.sh: unknown argument '$1'" ;;
	esac
done
[ -d "$lower/usr/bin" ] || fail "--root $lower: not a system root"
debdir=$DG_SRC/build/deb
version=$(cat "$DG_SRC/VERSION")
W=/run/dg-deb
R=$W/root

t0=$(date +%s)
step() { echo "--- $(($(date +%s) - t0))s: $*"; }
in_root() {
	chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root \
		DEBIAN_FRONTEND=noninteractive "$@"
}

at_exit umount -R "$R"

# --- a writable root ------------------------------------------------------------
step "overlay root"
mkdir -p "$W"
mount -t tmpfs -o mode=755 dgdeb "$W"
mkdir -p "$W"/upper "$W"/work "$R" "$W"/mods/upper "$W"/mods/work
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$W/upper,workdir=$W/work" "$R"
mount --rbind /proc "$R"/proc
mount --rbind /sys "$R"/sys
mount --rbind /dev "$R"/dev
mount -t tmpfs -o mode=755 dgrun "$R"/run
mount -t tmpfs -o mode=1777 dgtmp "$R"/tmp
# The booted kernel's modules (the guest's /lib/modules), writable for dkms
# install and depmod; `build` points at the host's headers for DKMS.
mount -t overlay overlay -o "lowerdir=/lib/modules,upperdir=$W/mods/upper,workdir=$W/mods/work" "$R"/lib/modules
rm -f "$R/lib/modules/$DG_KVER/build" "$R/lib/modules/$DG_KVER/source"
if [ "$dkms_build" = 1 ]; then
	[ -d "$R/usr/src/linux-headers-$DG_KVER" ] || fail "no /usr/src/linux-headers-$DG_KVER in the root ($lower)"
	ln -s "/usr/src/linux-headers-$DG_KVER" "$R/lib/modules/$DG_KVER/build"
else
	staged=$DG_OUT/.dg-deb-modules/lib/modules/$DG_KVER
	[ -f "$staged/updates/dkms/driftguard.ko" ] || fail "the host half staged no module in $staged"
	cp -a "$staged/." "$R/lib/modules/$DG_KVER/"
fi
# man-db's trigger would rebuild the whole manual page index: minutes under TCG.
rm -f "$R"/var/lib/man-db/auto-update
[ -z "$(in_root dpkg-query -W -f='${Status}' driftguard driftguard-dkms 2>/dev/null | grep -w installed)" ] ||
	fail "driftguard is already installed in the root ($lower)"

# --- install ----------------------------------------------------------------------
step "dpkg -i"
mkdir -p "$R"/tmp/debs
cp "$debdir/driftguard-dkms_${version}_all.deb" "$debdir"/driftguard_"${version}"_*.deb "$R"/tmp/debs/
rm -f "$R"/tmp/debs/*dbgsym*
! module_loaded || fail "driftguard is loaded before dpkg -i"
ti=$(date +%s)
# In a PID namespace whose first process is in the copied root, as a node's
# PID 1 is in the node's root: from a plain chroot, driftguard's postinst
# (ischroot) rightly leaves the kernel alone.
in_root unshare --pid --fork --mount-proc \
	dpkg -i /tmp/debs/driftguard-dkms_"${version}"_all.deb /tmp/debs/driftguard_"${version}"_amd64.deb \
	>"$W"/dpkg.log 2>&1 || fail "dpkg -i failed: $(cat "$W"/dpkg.log)"
cat "$W"/dpkg.log
echo "dpkg -i took $(($(date +%s) - ti))s"
! grep -E '(postinst|prerm|postrm|preinst): [0-9]+: ' "$W"/dpkg.log || fail "a maintainer script reported a shell error"
module_loaded || fail "driftguard's postinst did not load the module"
expect_eq "the loaded module's version" "$version" "$(cat /sys/module/driftguard/version)"
# The release in a pattern: trixie's has a '+' (6.12.117+deb13-amd64).
kver_re=$(printf '%s' "$DG_KVER" | sed 's/[][\\.*^$+?(){}|]/\\&/g')
expect_match "the postinst's message" "^driftguard: module $version loaded into $kver_re \\(from /lib/modules/$kver_re/updates/dkms/driftguard.ko" \
	"$(grep '^driftguard: ' "$W"/dpkg.log)"
in_root dpkg -L driftguard driftguard-dkms >"$W"/files.txt
in_root dkms status

for f in /usr/sbin/driftguardd /usr/sbin/driftctl /etc/driftguard/driftguard.conf \
	/etc/driftguard/policy.d/containers.conf /usr/lib/modules-load.d/driftguard.conf \
	/usr/lib/modprobe.d/driftguard.conf /lib/systemd/system/driftguard.service \
	"/usr/src/driftguard-$version/dkms.conf" /usr/share/man/man8/driftctl.8.gz \
	/usr/share/bash-completion/completions/driftctl; do
	[ -e "$R$f" ] || fail "$f was not installed"
done
expect_match "conffiles" '/etc/driftguard/policy.d/containers.conf' \
	"$(in_root dpkg-query -W -f='${Conffiles}' driftguard)"
expect_eq "modules-load.d" "driftguard" "$(grep -v '^#' "$R"/usr/lib/modules-load.d/driftguard.conf)"
in_root dkms status driftguard | grep -q "driftguard/$version" || fail "driftguard is not registered with DKMS"

# --- load the module as boot would ------------------------------------------------
step "modprobe"
rmmod driftguard || fail "rmmod driftguard (loaded by the postinst) failed"
# driftguard.off on the kernel command line: modprobe.d's install rule skips
# the module and modprobe still succeeds (systemd-modules-load reports no error).
echo "$(cat /proc/cmdline) driftguard.off" >"$W"/cmdline
mount --bind "$W"/cmdline "$R"/proc/cmdline
in_root modprobe driftguard || fail "modprobe driftguard with driftguard.off failed"
! module_loaded || fail "driftguard was loaded although the command line says driftguard.off"
umount "$R"/proc/cmdline
if [ "$dkms_build" = 1 ]; then
	in_root dkms status driftguard | grep -q "$DG_KVER.*: installed" ||
		fail "DKMS did not build and install for $DG_KVER: $(in_root dkms status driftguard)"
	expect_match "modinfo -n" "^/lib/modules/$kver_re/updates/dkms/driftguard.ko" \
		"$(in_root modinfo -n driftguard)"
	in_root modprobe driftguard || fail "modprobe driftguard failed"
else
	expect_match "dkms status" "driftguard/$version: added" "$(in_root dkms status driftguard)"
	# Without driftguard.off the rule hands over to modprobe --ignore-install,
	# which loads the staged module.
	in_root modprobe driftguard || fail "modprobe driftguard failed"
fi
module_loaded || fail "the module is not loaded"

# --- driftguardd, started as the unit starts it ----------------------------------
step "driftguardd"
execstart=$(sed -n 's/^ExecStart=//p' "$R"/lib/systemd/system/driftguard.service)
expect_match "ExecStart" '^/usr/sbin/driftguardd' "$execstart"
# What systemd makes for LogsDirectory= and StateDirectory=.
mkdir -p -m 0750 "$R"/var/log/driftguard "$R"/var/lib/driftguard
# Not through in_root: a function in the background is a subshell, and the
# SIGTERM below must reach driftguardd itself (chroot and env exec it).
# shellcheck disable=SC2086  # the unit's command line, split as systemd would
chroot "$R" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 $execstart >"$W"/dgd.log 2>&1 &
DGD_PID=$!
at_exit dgd_kill
wait_until --log "$W"/dgd.log 20 "driftguardd to be ready" grep -q "ready: the module's policies are set" "$W"/dgd.log

# The packaged policy for Docker containers covers a docker scope that appears.
mkdir -p /sys/fs/cgroup/system.slice/docker-dgdebtest.scope
wait_until 10 "the default docker policy on a docker scope" sh -c \
	"'$DRIFTCTL' policy get /sys/fs/cgroup/system.slice/docker-dgdebtest.scope | grep -q 'mode detect'"
expect_match "the default docker policy" 'mode detect' \
	"$("$DRIFTCTL" policy get /sys/fs/cgroup/system.slice/docker-dgdebtest.scope 2>&1 || true)"
rmdir /sys/fs/cgroup/system.slice/docker-dgdebtest.scope

# A policy of our own, dropped into policy.d, refuses drift; the JSON log says so.
container_create
cat >"$R"/etc/driftguard/policy.d/test.conf <<CONF
[policy debtest]
cgroup = ${CG#/sys/fs/cgroup/}
mode = prevent
severity = medium
CONF
wait_until 10 "the policy added to policy.d" sh -c "'$DRIFTCTL' policy get '$CG' | grep -q 'mode prevent'"
expect_match "the added policy" 'mode prevent' "$("$DRIFTCTL" policy get "$CG" 2>&1 || true)"
drop "$BIN"/hello /tmp/dropped
expect_denied /tmp/dropped
log=$R/var/log/driftguard/events.jsonl
wait_until 10 "the blocked record in the JSON log" grep -q '"action":"blocked".*"path":"/tmp/dropped"' "$log"
expect_match "blocked record in the JSON log" '"action":"blocked".*"path":"/tmp/dropped".*"policy":"debtest"' \
	"$(cat "$log" 2>/dev/null)"
in_root driftctl verify-log /var/log/driftguard/events.jsonl || fail "the JSON log's chain is broken"
kill -TERM "$DGD_PID"
wait "$DGD_PID" || fail "driftguardd exited $? on SIGTERM: $(cat "$W"/dgd.log)"
DGD_PID=
rm -f "$R"/etc/driftguard/policy.d/test.conf
container_destroy
rmmod driftguard || fail "rmmod driftguard failed"

# --- purge --------------------------------------------------------------------------
step "apt-get purge"
tp=$(date +%s)
# What an operator types; apt needs no package lists to remove.
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q driftguard driftguard-dkms ||
	fail "apt-get purge failed"
echo "apt-get purge took $(($(date +%s) - tp))s"
# The staged module is the test's, not DKMS's: DKMS never installed it.
[ "$dkms_build" = 1 ] || rm -f "$R/lib/modules/$DG_KVER/updates/dkms/driftguard.ko"
left=""
while read -r f; do
	# Directories (and merged-/usr links such as /lib) are shared with others.
	[ -d "$R$f" ] && continue
	[ -e "$R$f" ] || [ -L "$R$f" ] || continue
	left="$left $f"
done <"$W"/files.txt
[ -z "$left" ] || fail "files left after purge:$left"
for f in /etc/driftguard /usr/src/driftguard-"$version" /var/lib/dkms/driftguard \
	/var/log/driftguard /var/lib/driftguard /usr/sbin/driftguardd /usr/sbin/driftctl; do
	[ ! -e "$R$f" ] || fail "$f is left after purge"
done
left=$(find "$R/lib/modules/$DG_KVER" -name 'driftguard.ko*')
[ -z "$left" ] || fail "module left after purge: $left"
[ -z "$(in_root dkms status driftguard)" ] || fail "still registered with DKMS: $(in_root dkms status driftguard)"
[ -z "$(in_root dpkg-query -W -f='${Status}\n' driftguard driftguard-dkms 2>/dev/null | grep -v 'not-installed')" ] ||
	fail "dpkg still knows the packages: $(in_root dpkg-query -W -f='${Package} ${Status}\n' driftguard driftguard-dkms)"
step "done"
pass
