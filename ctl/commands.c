// SPDX-License-Identifier: GPL-2.0
/*
 * driftctl: the table of commands. Each row says what the prologue in
 * main() does before the command runs (see struct dg_cmd), and holds the
 * command's usage and help, which --help, `driftctl help` and driftctl(8)
 * repeat.
 */
#include "ctl.h"

/* name, parse, operands (min, max, first's name), needs, check, run, usage, help */
const struct dg_cmd dg_cmds[] = {
	{ "status", NULL, 0, 0, NULL, DG_NEEDS_NL,
	  NULL, cmd_status,
	  "[--json]",
	  "Show the module version, global controls, policies, counters and\n"
	  "degraded: \"no\", or one line per hook the module runs without\n"
	  "although it should have it (its policies do less than they say).\n"
	  "--json: one object with the keys version, alert_only, locked,\n"
	  "policies, degraded (an array of those lines) and one key per counter." },
	{ "policy set", dg_parse_policy_set, 1, 1, "CGROUP", DG_NEEDS_CGROUP | DG_NEEDS_NL,
	  dg_check_policy_set, cmd_policy_set,
	  "CGROUP [--mode M] [--memfd M] [--volume M]\n"
	  "[--metadata M] [--mmap M] [--files M] [--userns H]\n"
	  "[--execmem H] [--procmem H] [--allow PATH]...\n"
	  "[--deny PATTERN]... [--watch PATTERN]...\n"
	  "[--listen M] [--listen-allow PORTS]... [--connect M]\n"
	  "[--connect-allow DEST]... [--loopback yes|no]\n"
	  "[--writable PREFIX]... [--config PREFIX]... [--json]",
	  "Set CGROUP's policy as a whole (a mode not given is off, a list empty;\n"
	  "--writable and --config not given are /tmp /var/tmp /run /var/cache\n"
	  "/var/log and /etc).\n"
	  "M is off, detect (allow and report) or prevent (deny and report).\n"
	  "  --mode M            files in the container's overlayfs upper layer,\n"
	  "                      on other overlays or on mounts made in a user\n"
	  "                      namespace\n"
	  "  --memfd M           memfds, O_TMPFILE and deleted files\n"
	  "  --volume M          files on the runtime's other mounts (bind\n"
	  "                      mounts, tmpfs, emptyDir)\n"
	  "  --metadata M        image files copied up for a change of metadata\n"
	  "                      only (chown, chmod without a new execute bit,\n"
	  "                      touch, setfacl) whose content the module knows\n"
	  "                      unchanged; off: they run as image files. Any\n"
	  "                      write, rename, link or setcap makes a file\n"
	  "                      upper\n"
	  "  --mmap M            executable mappings of files of those classes\n"
	  "  --files M           changes of the container's rootfs (created,\n"
	  "                      modified, deleted files; config under a config\n"
	  "                      prefix; package in a package manager's tree:\n"
	  "                      dpkg, apt, apk, rpm, dnf, pip, npm, gem):\n"
	  "                      detect reports them, prevent refuses with\n"
	  "                      EPERM what is outside the writable prefixes\n"
	  "                      (volumes are not the rootfs)\n"
	  "  --writable PREFIX   a rootfs path prefix that stays writable under\n"
	  "                      --files prevent (up to 8; '' for none)\n"
	  "  --config PREFIX     a rootfs path prefix whose file drift is class\n"
	  "                      config (up to 8; '' for none)\n"
	  "Hardening, off unless given: H is off, detect or deny (refuse with\n"
	  "EPERM and report; prevent is taken for deny).\n"
	  "  --userns H          creating a user namespace (clone or unshare\n"
	  "                      CLONE_NEWUSER) in the container; the runtime's\n"
	  "                      own setup, from the host's mount namespace, is\n"
	  "                      not judged\n"
	  "  --execmem H         executable memory that is not a file's content:\n"
	  "                      anonymous or shared memory mapped or made\n"
	  "                      executable, a written private file mapping (text\n"
	  "                      relocations); JIT runtimes (Java, Node.js, .NET,\n"
	  "                      LuaJIT) and executable stacks need it off\n"
	  "  --procmem H         opening any /proc/PID/mem, its own too, for\n"
	  "                      writing (in-memory exec such as DDexec)\n"
	  "  --allow PATH        a drifted program that runs all the same: a full\n"
	  "                      path in the container's rootfs (names allow\n"
	  "                      nothing)\n"
	  "  --deny PATTERN      a program refused, even from the image; also\n"
	  "                      refuses executable mappings of it\n"
	  "  --watch PATTERN     a program that runs and is always reported\n"
	  "A PATTERN with '/' is a full path in the container's rootfs, else a\n"
	  "file name; up to 64 of each. A deny entry that is a busybox or toybox\n"
	  "applet gets a warning: the multi-call binary runs it all the same.\n"
	  "Network drift, off unless given (M as above):\n"
	  "  --listen M          a TCP (or SCTP) listen, or a UDP bind to a\n"
	  "                      port, not in --listen-allow; a listen on an\n"
	  "                      unbound socket is port 0, a UDP bind to port 0\n"
	  "                      is not judged\n"
	  "  --listen-allow PORTS  PROTO:PORT or PROTO:FIRST-LAST, PROTO tcp,\n"
	  "                      udp or sctp: tcp:80, udp:53, tcp:8000-8100\n"
	  "  --connect M         a connect(2) (TCP, connected UDP, any inet\n"
	  "                      protocol) to a destination not in\n"
	  "                      --connect-allow; sendto without connect, raw\n"
	  "                      sockets and TCP Fast Open are not seen\n"
	  "  --connect-allow DEST  [PROTO:]ADDR[/PREFIX][:PORT[-PORT]], IPv6 in\n"
	  "                      brackets before a port: 10.0.0.0/8,\n"
	  "                      tcp:10.96.0.10:53, [fd00::/8]:443\n"
	  "  --loopback yes|no   yes (the default): listens on and connects to\n"
	  "                      127.0.0.0/8, ::1 (and 0.0.0.0, :: for connect)\n"
	  "                      are exempt; no: judged like any address\n"
	  "Up to 64 entries of each allow list.\n"
	  "Each option also takes its value after '=': --mode=prevent.\n"
	  "--json: the policy now in force, as policy get --json prints it." },
	{ "policy get", NULL, 1, 1, "CGROUP", DG_NEEDS_CGROUP | DG_NEEDS_NL,
	  NULL, cmd_policy_get,
	  "CGROUP [--json]",
	  "Show CGROUP's own policy (not one it inherits).\n"
	  "--json: one object with the keys cgroup, cgroup_id, mode, memfd,\n"
	  "volume, metadata, mmap, files, userns, execmem, procmem (off, detect\n"
	  "or deny), listen, connect (off, detect or prevent),\n"
	  "allow, deny, watch, listen_allow, connect_allow, loopback\n"
	  "(yes: exempt, no: judged), writable and config." },
	{ "policy list", NULL, 0, 0, NULL, DG_NEEDS_NL,
	  NULL, cmd_policy_list,
	  "[--json]",
	  "Show every policy.\n"
	  "--json: one array of the objects policy get --json prints; [] when\n"
	  "there is no policy." },
	{ "policy del", NULL, 1, 1, "CGROUP", DG_NEEDS_CGROUP | DG_NEEDS_NL,
	  NULL, cmd_policy_del,
	  "CGROUP [--json]",
	  "Remove CGROUP's own policy (it inherits its parent's again).\n"
	  "--json: {\"cgroup\": ..., \"cgroup_id\": ..., \"deleted\": true}." },
	{ "events", dg_parse_config_dir, 0, 0, NULL, DG_NEEDS_NL,
	  NULL, cmd_events,
	  "[--json] [--config-dir DIR]",
	  "Follow the module's decisions until interrupted.\n"
	  "One line each: the time (RFC 3339 UTC, with nanoseconds), the action,\n"
	  "class and hook, then key=value fields, ending with the container's\n"
	  "image, image_id, container_name and k8s_namespace, k8s_pod and\n"
	  "k8s_container where its runtime's files say them (left out when\n"
	  "unknown), read where DIR/driftguard.conf's docker_root,\n"
	  "containerd_state, crio_state and podman_root say (DIR:\n"
	  "/etc/driftguard).\n"
	  "--json: one JSON object per line (JSON Lines): the event with the\n"
	  "container and process fields, as driftguardd's event log has them,\n"
	  "and the same container fields." },
	{ "containers", dg_parse_config_dir, 0, 0, NULL, DG_NEEDS_NL,
	  NULL, cmd_containers,
	  "[--json] [--config-dir DIR]",
	  "List the node's running containers, their images and policies.\n"
	  "One line each, found from the cgroup tree: runtime, id (12 digits),\n"
	  "name, image (as the workload named it), image digest (shortened),\n"
	  "Kubernetes namespace/pod, the policy in force (its own cgroup's or\n"
	  "the nearest ancestor's: its name in DIR/policy.d, else its cgroup),\n"
	  "its mode, and MUTABLE: yes when the image is a tag, not @sha256:\n"
	  "(nor an image ID in full, sha256:ID).\n"
	  "\"-\": not known. Image and names are read from the runtimes' files\n"
	  "where DIR/driftguard.conf says (DIR: /etc/driftguard).\n"
	  "--json: an array, an object per container with the keys runtime,\n"
	  "container_id (in full), pod_uid, cgroup, image, image_id,\n"
	  "container_name, k8s_namespace, k8s_pod, k8s_container (each left out\n"
	  "when not known), mutable_tag, policy, policy_cgroup (null: none) and\n"
	  "mode." },
	{ "capture show", NULL, 1, 1, "FILE", 0,
	  NULL, cmd_capture_show,
	  "FILE [--json]",
	  "Show a capture file driftguardd wrote for a drift record.\n"
	  "A policy's capture = yes has driftguardd write one at a container's\n"
	  "first drift record in a throttle window; the record's \"capture\"\n"
	  "field names it. Shown: the record it belongs to (uuid, action, class,\n"
	  "hook, path), the container, its image and policy; the upper layer's\n"
	  "changes (added, modified, deleted, opaque) with type, mode, owner,\n"
	  "size, mtime, path and the sha256 of executables and libraries; the\n"
	  "container's processes (pid, ppid, uid, exe, cmdline); what was cut\n"
	  "short and what could not be read. Format: driftguard-capture(5).\n"
	  "--json: the file's object as it is." },
	{ "capture list", dg_parse_config_dir, 0, 0, NULL, 0,
	  NULL, cmd_capture_list,
	  "[--json] [--config-dir DIR]",
	  "List the capture files in capture_dir, oldest first.\n"
	  "One line each: when it was taken, the container (its name, else its\n"
	  "id, else its cgroup), the record's action, the number of changes and\n"
	  "processes, and the file. capture_dir is read from\n"
	  "DIR/driftguard.conf (DIR: /etc/driftguard); a file that is not a\n"
	  "capture is an error on stderr, and the others are still listed.\n"
	  "--json: an array, an object per file with the keys file, time,\n"
	  "container, record_uuid, path, changes and processes (counts)." },
	{ "alert-only", NULL, 1, 1, "on or off", DG_NEEDS_NL,
	  dg_check_on_off, cmd_alert_only,
	  "on|off [--json]",
	  "When on, nothing is denied and everything is reported.\n"
	  "--json: the status afterwards, as status --json prints it." },
	{ "lock", NULL, 0, 0, NULL, DG_NEEDS_NL,
	  NULL, cmd_lock,
	  "[--json]",
	  "Lock the module until reboot; there is no unlock.\n"
	  "Policies can only be tightened, alert-only cannot be turned on, and\n"
	  "the module cannot be unloaded.\n"
	  "--json: the status afterwards, as status --json prints it." },
	{ "verify-log", NULL, 1, DG_ARGS_MANY, "FILE", 0,
	  NULL, cmd_verify_log,
	  "[--json] FILE...",
	  "Check the hash chain of driftguardd's JSON event log.\n"
	  "Give rotated files oldest first; exit status 1 names the first bad\n"
	  "record. The last record of a log is vouched for by no other.\n"
	  "--json: one array, an object per file with the keys file, records,\n"
	  "intact, record and reason (when not intact), first_prev and\n"
	  "last_hash (when it has records)." },
	{ "help", dg_parse_help, 0, 2, NULL, DG_OWN_HELP,
	  NULL, cmd_help,
	  "[COMMAND [SUBCOMMAND]] [--json]",
	  "Show the help of a command, of a group of commands, or of all.\n"
	  "--json: an object per command with the keys command, usage and help;\n"
	  "an array of them for a group or for all." },
};


const size_t dg_ncmds = sizeof(dg_cmds) / sizeof(dg_cmds[0]);
_Static_assert(sizeof(dg_cmds) / sizeof(dg_cmds[0]) <= DG_CMDS_MAX,
	       "raise DG_CMDS_MAX");
