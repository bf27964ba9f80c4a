# SPDX-License-Identifier: GPL-2.0
# driftguard tests: the scenarios run on Docker, containerd and podman, one function each.
#
# Sourced by tests/lib.sh. Each tests/integration/docker-NAME.sh,
# containerd-NAME.sh and podman-NAME.sh is one line: `playbook RUNTIME
# NAME`, which runs the scenario below on that runtime
# (tests/lib/runtimes.sh: rt_policy, rt_run, rt_attack...) and passes if it
# returns. Unless a scenario says otherwise,
# its policy is the default of rt_policy: mode, memfd, volume and mmap all
# prevent, on the parent cgroup of the runtime's containers, set before any
# container starts.

# playbook RUNTIME NAME: the scenario NAME (a test file's name without the
# runtime and .sh) on RUNTIME (docker, containerd or podman).
playbook() {
	local fn="pb_${2//-/_}"
	declare -F "$fn" >/dev/null || fail "playbook: no scenario $2"
	"$fn" "$1"
	pass
}

# container-starts-under-memfd-prevent-without-record:
# With memfd = prevent (and mode = prevent) on the parent cgroup of its
# containers, a container starts: runc's own start-up (its memfd, overlay or
# /tmp clone of itself) is not refused, with no name-based exemption, and
# leaves no record.
pb_container_starts_under_memfd_prevent_without_record() {
	rt_policy "$1" mode=prevent memfd=prevent
	out=$(rt_run dg/base /bin/true) || fail "the container did not start: $out"
	expect_no_drift_record
}

# download-and-run-in-tmp-is-refused:
# The attacker's download-and-run (a program fetched over HTTP, here from a
# python http.server on loopback, written to /tmp, made executable and run)
# is refused and recorded.
pb_download_and_run_in_tmp_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'cd /usr/bin && { python3 -m http.server --bind 127.0.0.1 8765 >/dev/null 2>&1 & }
python3 -c "
import time, urllib.request
for i in range(300):
    try:
        data = urllib.request.urlopen(\"http://127.0.0.1:8765/echo\").read()
        break
    except OSError:
        time.sleep(0.2)
open(\"/tmp/dropped\", \"wb\").write(data)
" || { echo SETUP-FAILED: download; exit 1; }
chmod +x /tmp/dropped && /tmp/dropped hello from dropped')
	expect_refused "downloaded binary" "$out"
	expect_drift_record "the downloaded binary" '"path":"/tmp/dropped"'
}

# drifted-binary-through-the-image-ldso-is-refused:
# A dropped dynamic binary run through the image's own dynamic loader (no
# execve of the dropped file) is not mapped executable, so it never runs;
# the refusal is recorded.
pb_drifted_binary_through_the_image_ldso_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/lib64/ld-linux-x86-64.so.2 /tmp/dropped hello from dropped')
	expect_not_run "ld.so route" "$out"
	expect_drift_record "the mapping of the dropped binary" '"path":"/tmp/dropped"'
}

# drifted-python-extension-import-is-refused:
# A native extension written at runtime (as pip install writes one; here a
# copy of the image's _json module placed first on sys.path) cannot be
# imported by the image's python3: the mapping is refused and recorded.
pb_drifted_python_extension_import_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'mkdir -p /tmp/site &&
cp /usr/lib/python3.11/lib-dynload/_json.cpython-311-x86_64-linux-gnu.so /tmp/site/ ||
	{ echo SETUP-FAILED: cp; exit 1; }
PYTHONPATH=/tmp/site python3 -c "import _json; print(\"hello from\", _json.__file__)"')
	expect_not_run "drifted extension" "$out"
	expect_match "python's import error" 'ImportError' "$out"
	expect_drift_record "the extension" '"path":"/tmp/site/_json[^"]*"'
}

# drop-into-dev-shm-and-run-is-refused:
# A binary dropped into /dev/shm and run is refused and recorded. /dev/shm
# is mounted without noexec here (as a memory-backed volume there would be),
# so that the refusal is driftguard's, not the mount's.
pb_drop_into_dev_shm_and_run_is_refused() {
	rt_policy "$1"
	rt_shm_exec
	out=$(rt_attack dg/base 'cp /usr/bin/echo /dev/shm/dropped || { echo SETUP-FAILED: cp; exit 1; }
/dev/shm/dropped hello from dropped')
	expect_refused "binary in /dev/shm" "$out"
	expect_drift_record "the binary in /dev/shm" '"path":"/dev/shm/dropped"'
}

# dropped-binary-is-refused-and-recorded-with-runtime-and-container-id:
# A binary the entrypoint copies into /tmp is refused with EPERM, and
# driftguardd's record names the runtime, the full container id and the
# container's cgroup.
pb_dropped_binary_is_refused_and_recorded_with_runtime_and_container_id() {
	rt_policy "$1"
	rt_dropped_binary_is_refused dg/base
}

# exec-of-a-dropped-binary-is-refused:
# A process started in a running container (docker exec, ctr task exec) is
# judged like the entrypoint: the image's ls runs, a binary it drops is
# refused and recorded with the container's id.
pb_exec_of_a_dropped_binary_is_refused() {
	rt_policy "$1"
	rt_start dg/base /bin/sleep 600
	out=$(rt_exec /usr/bin/ls /usr) || fail "the image's ls did not run by exec: $out"
	expect_match "ls's output" 'bin' "$out"
	out=$(rt_exec /bin/bash -c 'cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: cp; exit 1; }
/tmp/dropped hello from dropped') || true
	expect_refused "dropped binary run by exec" "$out"
	expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
}

# gcc-compiled-program-is-refused:
# The image's gcc (cc1, as, ld: image programs, which run) compiles a
# program, and running the a.out it wrote is refused and recorded.
pb_gcc_compiled_program_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/gcc 'printf "#include <stdio.h>\nint main(void) { puts(\"hello from a.out\"); return 0; }\n" >/tmp/x.c
gcc -o /tmp/dropped /tmp/x.c || { echo SETUP-FAILED: gcc; exit 1; }
/tmp/dropped')
	expect_refused "gcc-built program" "$out"
	expect_drift_record "the gcc-built program" '"path":"/tmp/dropped"'
}

# image-binary-overwritten-by-cp-is-refused:
# An image binary overwritten with cp (its path in the image unchanged, its
# content another program's) is refused with EPERM and recorded.
pb_image_binary_overwritten_by_cp_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'cp /usr/bin/echo /usr/bin/yes || { echo SETUP-FAILED: cp; exit 1; }
/usr/bin/yes hello from the overwritten yes')
	expect_refused "overwritten image binary" "$out"
	expect_drift_record "the overwritten binary" '"path":"/usr/bin/yes"'
}

# image-binary-runs-without-record:
# The image's own programs run as the entrypoint (perl, dynamically linked)
# and nothing is recorded.
pb_image_binary_runs_without_record() {
	rt_policy "$1"
	out=$(rt_run dg/base /usr/bin/perl -e 'print "hello from perl\n"') ||
		fail "the image's perl did not run: $out"
	expect_match "perl's output" 'hello from perl' "$out"
	expect_no_drift_record
}

# ld-preload-of-a-drifted-library-is-not-loaded:
# A library built at runtime with the image's gcc and preloaded (LD_PRELOAD)
# into an image program is not mapped: its constructor never runs, the image
# program still does, and the refusal is recorded.
pb_ld_preload_of_a_drifted_library_is_not_loaded() {
	rt_policy "$1"
	out=$(rt_attack dg/gcc 'printf "#include <stdio.h>\n__attribute__((constructor)) static void c(void) { puts(\"hello from the drifted library\"); }\n" >/tmp/x.c
gcc -shared -fPIC -o /tmp/libdropped.so /tmp/x.c || { echo SETUP-FAILED: gcc; exit 1; }
LD_PRELOAD=/tmp/libdropped.so /usr/bin/echo image program ran')
	expect_not_run "LD_PRELOAD" "$out"
	expect_match "the image program" 'image program ran' "$out"
	expect_drift_record "the preloaded library" '"path":"/tmp/libdropped.so"'
}

# python-memfd-fexecve-is-refused:
# The image's python3 writes a program into a memfd and fexecve()s it
# (os.execve on the descriptor): refused with EPERM and recorded.
pb_python_memfd_fexecve_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'python3 -c "
import os
fd = os.memfd_create(\"dropped\")
os.write(fd, open(\"/usr/bin/echo\", \"rb\").read())
print(\"memfd written\", flush=True)
os.execve(fd, [\"dropped\", \"hello from the memfd\"], {})
"')
	expect_match "memfd set up" 'memfd written' "$out"
	expect_refused "memfd fexecve" "$out"
	expect_drift_record "the memfd" '"path":"[^"]*dropped'
}

# runtime-written-script-is-refused:
# A shell script written at runtime, made executable and run as ./dropped is
# refused with EPERM and recorded.
pb_runtime_written_script_is_refused() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'printf "#!/bin/sh\necho hello from the script\n" >/tmp/dropped &&
chmod +x /tmp/dropped || { echo SETUP-FAILED: write; exit 1; }
cd /tmp && ./dropped')
	expect_refused "written script" "$out"
	expect_drift_record "the script" '"path":"/tmp/dropped"'
}

# script-fed-to-the-image-python-runs-undetected:
# What driftguard does NOT catch, shown as it is: a script written at
# runtime and fed to the image's own interpreter (python3 /tmp/dropped.py)
# runs; nothing is executed or mapped from a drifted file, so there is
# nothing to refuse and no record.
pb_script_fed_to_the_image_python_runs_undetected() {
	rt_policy "$1"
	out=$(rt_attack dg/base 'printf "print(\"hello from a dropped script\")\n" >/tmp/dropped.py ||
	{ echo SETUP-FAILED: write; exit 1; }
python3 /tmp/dropped.py')
	expect_match "the script ran" 'hello from a dropped script' "$out"
	expect_no_drift_record
}

# The workloads of a real node, with no drift: each under the default
# prevent policy, each expecting no blocked or alerted record.

# entrypoint-sed-i-of-config-runs-without-record:
# The image's entrypoint script edits nginx's configuration with sed -i
# (which writes a new file and renames it over the image's), then runs the
# command.
pb_entrypoint_sed_i_of_config_runs_without_record() {
	rt_policy "$1"
	out=$(rt_run dg/base /usr/local/bin/docker-entrypoint.sh grep worker_processes /etc/nginx/nginx.conf) ||
		fail "the entrypoint failed: $out"
	expect_match "the edited configuration" 'worker_processes 1;' "$out"
	expect_no_drift_record
}

# ldconfig-runs-without-record:
# ldconfig, as many entrypoints run it, rebuilds /etc/ld.so.cache, and the
# image's programs still run afterwards.
pb_ldconfig_runs_without_record() {
	rt_policy "$1"
	out=$(rt_run dg/base /bin/bash -c 'ldconfig && ls -l /etc/ld.so.cache && /usr/bin/perl -e "print qq(perl ran\n)"') ||
		fail "ldconfig or perl after it failed: $out"
	expect_match "perl after ldconfig" 'perl ran' "$out"
	expect_no_drift_record
}

# update-ca-certificates-runs-without-record:
# update-ca-certificates, as entrypoints that add a company CA run it,
# rebuilds /etc/ssl/certs (its bundle and hash links, with sed, ln and
# run-parts of its hooks), and a TLS client of the image loads the result.
# Only the first five of the image's CAs stay in /etc/ca-certificates.conf:
# the script runs basename once per listed CA, and 140 of them, each an
# exec, take minutes under emulation.
pb_update_ca_certificates_runs_without_record() {
	rt_policy "$1"
	out=$(rt_run dg/base /bin/bash -c 'awk "/^#/ || ++n <= 5" /etc/ca-certificates.conf >/tmp/ca.conf &&
cat /tmp/ca.conf >/etc/ca-certificates.conf &&
update-ca-certificates &&
python3 -c "import ssl; print(\"loaded\", ssl.create_default_context().cert_store_stats()[\"x509_ca\"], \"CAs\")"') ||
		fail "update-ca-certificates or the TLS client after it failed: $out"
	expect_match "the rebuilt store" 'loaded [1-9][0-9]* CAs' "$out"
	expect_no_drift_record
}

# nginx-answers-on-loopback-without-record:
# Debian's nginx with its stock configuration starts (master and workers)
# and answers a request on loopback.
pb_nginx_answers_on_loopback_without_record() {
	rt_policy "$1"
	rt_start dg/nginx
	page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1/").read().decode())'; }
	wait_until 120 "nginx to answer on 127.0.0.1:80" page
	expect_match "nginx's page" 'Welcome to nginx' "$(page)"
	expect_no_drift_record
}

# python-app-serves-a-request-without-record:
# The Python web app (Debian's python3 -m http.server serving /srv/app)
# answers a request.
pb_python_app_serves_a_request_without_record() {
	rt_policy "$1"
	rt_start dg/pyapp
	page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:8000/").read().decode())'; }
	wait_until 120 "the app to answer on 127.0.0.1:8000" page
	expect_match "the app's page" 'hello from the driftguard test app' "$(page)"
	expect_no_drift_record
}

# python-imports-c-extensions-without-record:
# The image's python3 imports C extensions of the image (_ssl, _ctypes,
# _decimal, _sqlite3: shared objects mapped executable, with their
# libraries).
pb_python_imports_c_extensions_without_record() {
	rt_policy "$1"
	out=$(rt_run dg/base python3 -c 'import _ssl, _ctypes, _decimal, _sqlite3; print("imported")') ||
		fail "python3 could not import: $out"
	expect_match "imports" '^imported' "$out"
	expect_no_drift_record
}

# Network drift. The containers share the host's network namespace, as every
# container of this tier does (tests/lib/runtimes.sh: dockerd runs with no
# bridge, so `docker run --network host`, and `ctr run --net-host`): the
# policy follows the container's cgroup, not its namespace, and nginx is
# reached from the host side on 127.0.0.1 with no port mapping. Listeners on
# 0.0.0.0 and :: are not loopback, so the default loopback = yes exempts
# none of them.

# nginx-under-listen-prevent-answers-on-its-allowed-port-without-record:
# Under listen = prevent with listen_allow = tcp:80, Debian's nginx with its
# stock configuration (listening on 0.0.0.0:80 and [::]:80) starts and
# answers a request, and nothing is recorded.
pb_nginx_under_listen_prevent_answers_on_its_allowed_port_without_record() {
	rt_policy "$1" mode=prevent listen=prevent listen_allow=tcp:80
	rt_start dg/nginx
	page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1/").read().decode())'; }
	wait_until 120 "nginx to answer on 127.0.0.1:80" page
	expect_match "nginx's page" 'Welcome to nginx' "$(page)"
	expect_no_drift_record
}

# second-listener-is-refused-and-recorded-under-listen-prevent:
# Under listen = prevent with listen_allow = tcp:80, once nginx serves on
# port 80, a second listener started in its container (docker exec, ctr
# task exec: the image's python3 -m http.server 8081) gets EPERM from
# listen(2), the refusal is recorded as class listen with the protocol and
# port, and nginx keeps answering.
pb_second_listener_is_refused_and_recorded_under_listen_prevent() {
	rt_policy "$1" mode=prevent listen=prevent listen_allow=tcp:80
	rt_start dg/nginx
	page() { python3 -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1/").read().decode())'; }
	wait_until 120 "nginx to answer on 127.0.0.1:80" page
	out=$(rt_exec python3 -m http.server 8081) && fail "the second listener ran: $out"
	expect_match "refused with EPERM" 'PermissionError: \[Errno 1\] Operation not permitted' "$out"
	expect_drift_record "the second listener" '"class":"listen".*"protocol":"tcp","address":"[^"]*","port":8081'
	expect_match "nginx still answers" 'Welcome to nginx' "$(page)"
}

# connect-outside-connect-allow-is-refused-and-recorded:
# Under connect = prevent with connect_allow = 10.0.0.0/8, the image's
# python3 connecting to 192.0.2.1:443 gets EPERM before any packet leaves,
# and the refusal is recorded as class connect with the protocol, address
# and port.
pb_connect_outside_connect_allow_is_refused_and_recorded() {
	rt_policy "$1" mode=prevent connect=prevent connect_allow=10.0.0.0/8
	out=$(rt_run dg/base python3 -c 'import socket; socket.create_connection(("192.0.2.1", 443), timeout=10); print("connected")') &&
		fail "the connect was allowed: $out"
	expect_match "refused with EPERM" 'PermissionError: \[Errno 1\] Operation not permitted' "$out"
	expect_drift_record "the connect" '"class":"connect".*"protocol":"tcp","address":"192.0.2.1","port":443'
}

# connect-to-loopback-is-exempt-by-default-under-connect-prevent:
# Under connect = prevent (connect_allow = 10.0.0.0/8, loopback left at its
# default, yes), the image's python3 fetches a page from a server on
# 127.0.0.1 (python3 -m http.server in the same container): the connect
# goes through and nothing is recorded.
pb_connect_to_loopback_is_exempt_by_default_under_connect_prevent() {
	rt_policy "$1" mode=prevent connect=prevent connect_allow=10.0.0.0/8
	out=$(rt_run dg/base /bin/bash -c 'cd /usr/bin && { python3 -m http.server --bind 127.0.0.1 8766 >/dev/null 2>&1 & }
python3 -c "
import time, urllib.error, urllib.request
for i in range(300):
    try:
        urllib.request.urlopen(\"http://127.0.0.1:8766/\").read()
        print(\"fetched from loopback\")
        break
    except urllib.error.URLError as e:
        # Only the server not listening yet is waited for: EPERM is raised.
        if not isinstance(e.reason, ConnectionRefusedError):
            raise
        time.sleep(0.2)
"') || fail "the fetch from loopback failed: $out"
	expect_match "the fetch" 'fetched from loopback' "$out"
	expect_no_drift_record
}

# capture-lists-the-dropped-binary-with-its-sha256:
# Under capture = yes the record of a dropped binary refused by an exec into
# a running container names a capture file that lists the binary as added
# with its SHA-256, an image file the container changed as modified, one it
# deleted as deleted, and the container's processes: its long-running
# sleep, with its command line, among them. The capture found the
# container's upper layer where the runtime keeps it: Docker's overlay2
# (overlay2/<id>/diff, the image's layers named by the short symlinks of
# overlay2/l) or containerd's overlayfs snapshotter (snapshots/<n>/fs).
pb_capture_lists_the_dropped_binary_with_its_sha256() {
	local capdir sleeper out want rec file cap upper
	capdir=$(mktemp -d /tmp/dgcap.XXXXXX)
	at_exit rm -rf "$capdir"
	RT_CONF=("capture_dir = $capdir")
	rt_policy "$1" "mode=prevent" "capture=yes"
	rt_start dg/base /bin/sleep 600
	case $1 in
	docker)
		sleeper=$(docker inspect -f '{{.State.Pid}}' "$RT_NAME")
		upper="^$DG_RT_ROOT/docker/overlay2/[0-9a-f]{64}/diff\$"
		;;
	containerd)
		sleeper=$(ctr task ls | awk -v id="$RT_NAME" '$1 == id { print $2 }')
		upper="^$DG_RT_ROOT/containerd/io.containerd.snapshotter.v1.overlayfs/snapshots/[0-9]+/fs\$"
		;;
	esac
	expect_match "the container's sleep" '^[0-9]+$' "$sleeper"
	out=$(rt_exec /bin/bash -c 'echo drift >>/etc/issue && rm /usr/bin/yes &&
cp /usr/bin/echo /tmp/dropped || { echo SETUP-FAILED: write; exit 1; }
/tmp/dropped hello from dropped') || true
	expect_refused "dropped binary run by exec" "$out"
	want=$(rt_exec sha256sum /tmp/dropped | cut -d' ' -f1)
	expect_match "the dropped binary's sha256" '^[0-9a-f]{64}$' "$want"
	expect_drift_record "the dropped binary" '"path":"/tmp/dropped"'
	rec=$(grep -E '"action":"blocked".*"path":"/tmp/dropped"' "$C"/events.jsonl | head -n 1)
	file=$(jq -r '.capture // empty' <<<"$rec")
	expect_match "the record names a capture file" "^$capdir/[^/]+\.json\$" "$file"
	wait_until 60 "the capture file" test -f "$file"

	cap=$("$DRIFTCTL" capture show --json "$file")
	expect_eq "capture errors" "" "$(jq -r '.errors // [] | join("; ")' <<<"$cap")"
	expect_match "the upper layer where $1 keeps it" "$upper" "$(jq -r .upperdir <<<"$cap")"
	expect_eq "the dropped binary" "added file $want" \
		"$(jq -r '.changes[] | select(.path == "/tmp/dropped") | "\(.change) \(.type) \(.sha256)"' <<<"$cap")"
	expect_eq "the changed image file" modified \
		"$(jq -r '.changes[] | select(.path == "/etc/issue") | .change' <<<"$cap")"
	expect_eq "the deleted image file" deleted \
		"$(jq -r '.changes[] | select(.path == "/usr/bin/yes") | .change' <<<"$cap")"
	expect_eq "the container's sleep" "/bin/sleep 600" \
		"$(jq -r --argjson pid "$sleeper" '.processes[] | select(.pid == $pid) | .cmdline' <<<"$cap")"
}

# drift-record-in-journald-and-syslog-names-the-image-and-the-container:
# A refused dropped binary's record reaches a real systemd-journald and a
# real rsyslogd with the workload's context as the runtime keeps it
# (docker's config.v2.json, containerd's database, podman's
# containers.json): journal fields DRIFTGUARD_RUNTIME, DRIFTGUARD_IMAGE,
# DRIFTGUARD_IMAGE_ID (the image's sha256 id), DRIFTGUARD_CONTAINER_ID and,
# where the runtime names containers (not `ctr run`),
# DRIFTGUARD_CONTAINER_NAME, and the same runtime=, image=, image_id=,
# container_id= and container_name= keys in the syslog line.
pb_drift_record_in_journald_and_syslog_names_the_image_and_the_container() {
	# journald and rsyslogd first (in a directory of their own: rt_policy
	# makes C), so that driftguardd finds their sockets when it starts.
	C=$(mktemp -d /tmp/dglog.XXXXXX)
	LOGS=$C
	at_exit rm -rf "$LOGS"
	journald_start
	rsyslogd_start <<CONF
module(load="imuxsock" SysSock.Name="$LOGS/syslog.sock" SysSock.UseSystemd="off")
template(name="line" type="string" string="%syslogfacility-text%.%syslogseverity-text% %syslogtag%%msg%\n")
*.* action(type="omfile" file="$LOGS/syslog.txt" template="line")
CONF
	# shellcheck disable=SC2034  # read by rt_policy
	RT_CONF=("journald = yes" "syslog = yes" "syslog_socket = $LOGS/syslog.sock")
	rt_policy "$1"
	local digest image name id entry line
	digest=$(rt_image_id dg/base)
	expect_match "dg/base's image id" '^sha256:[0-9a-f]{64}$' "$digest"
	image=$(rt_image dg/base)
	rt_dropped_binary_is_refused dg/base
	id=$(rt_id)
	name=$(rt_container_name)

	JOURNAL_ID=$id
	wait_until 30 "journalctl to find the record" journal_has
	entry=$(journal | head -n 1)
	expect_eq "journal runtime" "$RT" "$(jq -r .DRIFTGUARD_RUNTIME <<<"$entry")"
	expect_eq "journal image" "$image" "$(jq -r .DRIFTGUARD_IMAGE <<<"$entry")"
	expect_eq "journal image id" "$digest" "$(jq -r .DRIFTGUARD_IMAGE_ID <<<"$entry")"
	expect_eq "journal container id" "$id" "$(jq -r .DRIFTGUARD_CONTAINER_ID <<<"$entry")"
	[ -z "$name" ] || expect_eq "journal container name" "$name" \
		"$(jq -r .DRIFTGUARD_CONTAINER_NAME <<<"$entry")"

	wait_until 10 "the syslog line in rsyslogd's file" grep -q 'path=/tmp/dropped' "$LOGS"/syslog.txt
	line=$(grep 'path=/tmp/dropped' "$LOGS"/syslog.txt | head -n 1)
	expect_match "syslog runtime" " runtime=$RT( |\$)" "$line"
	expect_match "syslog image" " image=$image( |\$)" "$line"
	expect_match "syslog image id" " image_id=$digest( |\$)" "$line"
	expect_match "syslog container id" " container_id=$id( |\$)" "$line"
	[ -z "$name" ] || expect_match "syslog container name" " container_name=$name( |\$)" "$line"
}

# journal: the journal's entries of the blocked /tmp/dropped of container
# JOURNAL_ID, as JSON lines.
journal() {
	journalctl -o json --no-pager DRIFTGUARD_ACTION=blocked DRIFTGUARD_PATH=/tmp/dropped \
		DRIFTGUARD_CONTAINER_ID="$JOURNAL_ID"
}
# shellcheck disable=SC2317  # reached through wait_until
journal_has() { journal | grep -q .; }

# driftctl-containers-lists-the-container-with-its-image-digest-policy-and-mutable-tag:
# `driftctl containers` lists a running container (the runtime's data root
# not the default one: named in the --config-dir's driftguard.conf):
# runtime, full id, name (where the runtime names containers), image as the
# runtime keeps it, the image's digest, the policy covering it (the one on
# the parent cgroup, by its name in policy.d) with its mode, and flags the
# image as a mutable tag (no @sha256:); the table shows the same in one line.
pb_driftctl_containers_lists_the_container_with_its_image_digest_policy_and_mutable_tag() {
	rt_policy "$1"
	rt_start dg/base sleep 300
	local id digest image name json entry table line
	id=$(rt_id)
	wait_until 30 "the container's cgroup" test -d "$(rt_cgroup)"
	digest=$(rt_image_id dg/base)
	image=$(rt_image dg/base)
	name=$(rt_container_name)

	json=$("$DRIFTCTL" containers --json --config-dir "$C"/etc)
	entry=$(printf '%s' "$json" | jq -c --arg id "$id" '.[] | select(.container_id == $id)')
	[ -n "$entry" ] || fail "the container $id is not listed: $json"
	expect_eq "runtime" "$RT" "$(jq -r .runtime <<<"$entry")"
	expect_eq "name" "${name:-null}" "$(jq -r .container_name <<<"$entry")"
	expect_eq "image" "$image" "$(jq -r .image <<<"$entry")"
	expect_eq "image digest" "$digest" "$(jq -r .image_id <<<"$entry")"
	expect_eq "policy" "$RT" "$(jq -r .policy <<<"$entry")"
	expect_eq "policy cgroup" "$RT_REL" "$(jq -r .policy_cgroup <<<"$entry")"
	expect_eq "mode" prevent "$(jq -r .mode <<<"$entry")"
	expect_eq "mutable tag" true "$(jq -r .mutable_tag <<<"$entry")"

	table=$("$DRIFTCTL" containers --config-dir "$C"/etc)
	line=$(grep -E "^$RT +${id:0:12} " <<<"$table") || fail "no table line for ${id:0:12}: $table"
	expect_match "table line" "^$RT +${id:0:12} +${name:--} +$image +${digest:0:19} +- +$RT +prevent +yes\$" "$line"
}

# container-started-by-image-digest-gets-no-image-record-under-require-digest:
# Under require_digest = yes, a container started from its image by digest
# (rt_digest_ref says which reference each runtime is given) gets no
# "image" record; one started from the tag right after it does, so the
# daemon did look at both, and `driftctl containers` (the same reading of
# the runtime's files) shows the pinned one's reference, the digest, as
# not a mutable tag: its start was judged, not skipped for want of an image.
pb_container_started_by_image_digest_gets_no_image_record_under_require_digest() {
	rt_policy "$1" "mode=prevent" "require_digest=yes"
	rt_digest_ref dg/base
	rt_start "$RT_REF" sleep 300
	local pinned tagged other entry
	pinned=$(rt_id)
	wait_until 30 "the pinned container's cgroup" test -d "$(rt_cgroup)"
	entry=$("$DRIFTCTL" containers --json --config-dir "$C"/etc |
		jq -c --arg id "$pinned" '.[] | select(.container_id == $id)')
	expect_eq "the pinned container's image" "$RT_REF" "$(jq -r .image <<<"$entry")"
	expect_eq "the pinned container's mutable tag" false "$(jq -r .mutable_tag <<<"$entry")"
	case $RT in
	containerd) other=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n') ;;
	*) other=$RT_NAME-tag ;;
	esac
	at_exit rt_rm "$other"
	rt_start_as "$other" dg/base sleep 300
	tagged=$(rt_id_of "$other")
	wait_until 30 "the tagged container's image record" grep -q "\"record\":\"image\".*$tagged" "$C"/events.jsonl
	# Stopping decides any start still waiting for its runtime's files.
	dgd_stop
	expect_eq "image records of the tagged container" 1 "$(records "\"record\":\"image\".*\"container_id\":\"$tagged\"")"
	expect_eq "image records of the pinned container" 0 "$(records "\"container_id\":\"$pinned\"")"
}

# dropped-binary-record-names-the-image-its-digest-and-the-container-name:
# driftguardd's record of a refused dropped binary (the runtime's data root
# not the default one: named in driftguard.conf) says which workload it
# was, as the runtime's own files have it (docker's config.v2.json,
# podman's containers.json): the image as the runtime keeps its name, the
# image's digest (sha256:..., its image id) and the container's name.
# Outside Kubernetes there are no k8s_* fields (unknown: left out).
pb_dropped_binary_record_names_the_image_its_digest_and_the_container_name() {
	rt_policy "$1"
	local digest rec
	digest=$(rt_image_id dg/base)
	expect_match "dg/base's image id" '^sha256:[0-9a-f]{64}$' "$digest"
	rt_dropped_binary_is_refused dg/base
	rec=$DROPPED_RECORD
	expect_match "image in the record" "\"image\":\"$(rt_image dg/base)\"" "$rec"
	expect_match "image digest in the record" "\"image_id\":\"$digest\"" "$rec"
	expect_match "container name in the record" "\"container_name\":\"$RT_NAME\"" "$rec"
	case $rec in *'"k8s_'*) fail "k8s fields outside Kubernetes: $rec" ;; esac
}
