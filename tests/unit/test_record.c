// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a record's time, node, uuid and process fields, read from a /proc. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <linux/driftguard.h>

#include "record.h"

/*
 * A fake /proc in a temporary directory: process 123 runs /bin/sh in /work
 * with the root <dir>/rootfs; its parent, 7, runs /usr/bin/containerd-shim.
 */
struct fixture {
	char dir[64];
	char proc[128];
	char rootfs[128];
	char host_passwd[128];
	struct dg_record_env env;
};

static void write_file(const char *dir, const char *name, const char *text,
		       size_t len)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	fclose(f);
}

static void link_at(const char *dir, const char *name, const char *target)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(symlink(target, path), 0);
}

static void mkdir_at(const char *dir, const char *name)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(mkdir(path, 0755), 0);
}

static const char container_passwd[] =
	"root:x:0:0:root:/root:/bin/sh\n"
	"# a comment:x:1000:\n"
	"broken line\n"
	"app:x:1000:1000::/home/app:/bin/sh\n";

static int setup(void **state)
{
	static const char cmdline[] = "sh\0-c\0./dropped --now\0";
	struct fixture *fx = calloc(1, sizeof(*fx));
	char p123[160];

	if (!fx)
		return -1;
	snprintf(fx->dir, sizeof(fx->dir), "/tmp/dg-record-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->proc, sizeof(fx->proc), "%s/proc", fx->dir);
	snprintf(fx->rootfs, sizeof(fx->rootfs), "%s/rootfs", fx->dir);
	snprintf(fx->host_passwd, sizeof(fx->host_passwd), "%s/host-passwd",
		 fx->dir);
	snprintf(p123, sizeof(p123), "%s/123", fx->proc);
	mkdir_at(fx->dir, "proc");
	mkdir_at(fx->dir, "rootfs");
	mkdir_at(fx->rootfs, "etc");
	mkdir_at(fx->proc, "123");
	mkdir_at(fx->proc, "7");
	link_at(p123, "exe", "/bin/sh");
	link_at(p123, "cwd", "/work");
	link_at(p123, "root", fx->rootfs);
	write_file(p123, "cmdline", cmdline, sizeof(cmdline) - 1);
	write_file(p123, "uid_map", "         0          0 4294967295\n", 33);
	link_at(fx->proc, "7/exe", "/usr/bin/containerd-shim");
	write_file(fx->rootfs, "etc/passwd", container_passwd,
		   sizeof(container_passwd) - 1);
	write_file(fx->dir, "host-passwd", "root:x:0:0::/root:/bin/sh\n"
		   "hostuser:x:1000:1000::/home/h:/bin/sh\n", 64);
	fx->env = (struct dg_record_env){ .proc = fx->proc,
		.host_passwd = fx->host_passwd, .node = "node-a" };
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fx->dir);
	if (system(cmd))
		return -1;
	free(fx);
	return 0;
}

static const char *field(struct json_object *o, const char *key)
{
	struct json_object *v;

	assert_true(json_object_object_get_ex(o, key, &v));
	return json_object_get_string(v);
}

static struct json_object *process(struct fixture *fx, uint32_t tgid,
				   uint32_t ppid, uint32_t uid, int in_container)
{
	struct json_object *o = json_object_new_object();

	dg_record_process(o, &fx->env, tgid, ppid, uid, in_container);
	return o;
}

static void time_is_rfc3339_utc_with_nanoseconds(void **state)
{
	char buf[DG_RFC3339_MAX];

	(void)state;
	assert_int_equal(dg_rfc3339(1700000000123456789ULL, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "2023-11-14T22:13:20.123456789Z");
	/* Leading zeros of the fraction are kept: 5 ns is not 0.5 s. */
	assert_int_equal(dg_rfc3339(1700000000000000005ULL, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "2023-11-14T22:13:20.000000005Z");
	assert_int_equal(dg_rfc3339(1, buf, 10), -EINVAL);
}

static void time_field_has_the_epoch_ns_beside_it(void **state)
{
	struct json_object *o = json_object_new_object();
	struct json_object *v;

	(void)state;
	dg_record_add_time(o, "time", 1700000000123456789ULL);
	assert_string_equal(field(o, "time"), "2023-11-14T22:13:20.123456789Z");
	assert_true(json_object_object_get_ex(o, "time_ns", &v));
	assert_true(json_object_is_type(v, json_type_int));
	assert_true(json_object_get_uint64(v) == 1700000000123456789ULL);
	json_object_put(o);
}

static void passwd_name_matches_the_whole_uid_field_only(void **state)
{
	static const char text[] = "a:x:100:1::/:/bin/sh\nb:x:10:1::/:/bin/sh\n"
				   "c:x:1";
	char name[32];

	(void)state;
	assert_int_equal(dg_passwd_name(text, sizeof(text) - 1, 10, name,
					sizeof(name)), 0);
	assert_string_equal(name, "b");
	assert_int_equal(dg_passwd_name(text, sizeof(text) - 1, 1, name,
					sizeof(name)), -ENOENT);
	assert_int_equal(dg_passwd_name(text, sizeof(text) - 1, 1000, name,
					sizeof(name)), -ENOENT);
}

static void process_fields_come_from_proc(void **state)
{
	struct fixture *fx = *state;
	struct json_object *o = process(fx, 123, 7, 1000, 1);

	assert_string_equal(field(o, "exe"), "/bin/sh");
	assert_string_equal(field(o, "cmdline"), "sh -c ./dropped --now");
	assert_string_equal(field(o, "cwd"), "/work");
	assert_string_equal(field(o, "parent_exe"), "/usr/bin/containerd-shim");
	assert_string_equal(field(o, "user"), "app");
	json_object_put(o);
}

static void paths_are_as_seen_from_the_processs_own_root(void **state)
{
	struct fixture *fx = *state;
	char p123[160], path[192], target[192];
	struct json_object *o;

	/* A chroot: the links show the root directory in front. */
	snprintf(p123, sizeof(p123), "%s/123", fx->proc);
	snprintf(path, sizeof(path), "%s/exe", p123);
	unlink(path);
	snprintf(target, sizeof(target), "%s/bin/busybox", fx->rootfs);
	link_at(p123, "exe", target);
	snprintf(path, sizeof(path), "%s/cwd", p123);
	unlink(path);
	link_at(p123, "cwd", fx->rootfs);
	o = process(fx, 123, 7, 0, 1);
	assert_string_equal(field(o, "exe"), "/bin/busybox");
	assert_string_equal(field(o, "cwd"), "/");
	json_object_put(o);
}

static void container_user_is_named_from_its_own_passwd_not_the_hosts(void **state)
{
	struct fixture *fx = *state;
	struct json_object *o = process(fx, 123, 7, 0, 1);

	assert_string_equal(field(o, "user"), "root");
	json_object_put(o);
	/* 2000 is in neither file; 1000 would be "hostuser" on the host. */
	write_file(fx->rootfs, "etc/passwd", "root:x:0:0::/:/bin/sh\n", 22);
	o = process(fx, 123, 7, 1000, 1);
	assert_string_equal(field(o, "user"), "1000");
	json_object_put(o);
}

static void uid_is_mapped_into_the_processs_user_namespace(void **state)
{
	struct fixture *fx = *state;
	char p123[160], path[192];
	struct json_object *o;

	snprintf(p123, sizeof(p123), "%s/123", fx->proc);
	snprintf(path, sizeof(path), "%s/uid_map", p123);
	unlink(path);
	write_file(p123, "uid_map", "0 100000 65536\n", 15);
	o = process(fx, 123, 7, 101000, 1);
	assert_string_equal(field(o, "user"), "app");
	json_object_put(o);
	/* Outside the map: no name from the container's file. */
	o = process(fx, 123, 7, 1000, 1);
	assert_string_equal(field(o, "user"), "1000");
	json_object_put(o);
}

static void passwd_symlinks_resolve_inside_the_processs_root(void **state)
{
	struct fixture *fx = *state;
	char path[192];
	struct json_object *o;

	/* An absolute link: in the container, not on the host. */
	snprintf(path, sizeof(path), "%s/etc/passwd", fx->rootfs);
	unlink(path);
	write_file(fx->rootfs, "etc/real", "inside:x:1000:1::/:/bin/sh\n", 27);
	link_at(fx->rootfs, "etc/passwd", "/etc/real");
	o = process(fx, 123, 7, 1000, 1);
	assert_string_equal(field(o, "user"), "inside");
	json_object_put(o);
}

static void fifo_as_passwd_is_not_read_and_does_not_block(void **state)
{
	struct fixture *fx = *state;
	char path[192];
	struct json_object *o;

	snprintf(path, sizeof(path), "%s/etc/passwd", fx->rootfs);
	unlink(path);
	assert_int_equal(mkfifo(path, 0644), 0);
	o = process(fx, 123, 7, 1000, 1);
	assert_string_equal(field(o, "user"), "1000");
	json_object_put(o);
}

static void host_process_without_a_readable_root_is_named_from_the_hosts_passwd(void **state)
{
	struct fixture *fx = *state;
	struct json_object *o;

	/* Process 456 is gone; it was not in a container. */
	o = process(fx, 456, 7, 1000, 0);
	assert_string_equal(field(o, "user"), "hostuser");
	assert_string_equal(field(o, "exe"), "");
	assert_string_equal(field(o, "cmdline"), "");
	assert_string_equal(field(o, "cwd"), "");
	json_object_put(o);
	/* In a container it stays a number. */
	o = process(fx, 456, 7, 1000, 1);
	assert_string_equal(field(o, "user"), "1000");
	json_object_put(o);
}

static void event_record_has_container_node_uuid_and_process(void **state)
{
	static const char *const keys[] = {
		"time", "time_ns", "action", "class", "hook", "pid", "tgid",
		"ppid", "uid", "gid", "comm", "path", "filename", "interpreter",
		"cgroup", "cgroup_id", "policy_cgroup_id", "dev", "ino",
		"runtime", "container_id", "pod_uid", "node", "uuid", "exe",
		"cmdline", "cwd", "parent_exe", "user",
	};
	struct fixture *fx = *state;
	struct dg_nl_event ev = {
		.time = 1700000000123456789ULL, .action = 2, .class = 1,
		.hook = 1, .pid = 123, .tgid = 123, .ppid = 7, .uid = 1000,
		.comm = "sh", .path = "/tmp/dropped", .filename = "./dropped",
		.cgroup = "/sys/fs/cgroup/kubepods.slice/kubepods-besteffort.slice/"
			  "kubepods-besteffort-pod8d3e5a12_7b4c_4e6f_9a1b_2c3d4e5f6a7b.slice/"
			  "cri-containerd-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
	};
	struct json_object *a, *b;
	const char *u;
	size_t i = 0;

	/* driftctl passes no container: it is found from the cgroup. */
	a = dg_record_event(&ev, &fx->env);
	b = dg_record_event(&ev, &fx->env);
	assert_non_null(a);
	assert_non_null(b);
	json_object_object_foreach(a, key, val) {
		(void)val;
		assert_true(i < sizeof(keys) / sizeof(keys[0]));
		assert_string_equal(key, keys[i++]);
	}
	assert_int_equal(i, sizeof(keys) / sizeof(keys[0]));
	assert_string_equal(field(a, "time"), "2023-11-14T22:13:20.123456789Z");
	assert_string_equal(field(a, "runtime"), "containerd");
	assert_string_equal(field(a, "pod_uid"), "8d3e5a12-7b4c-4e6f-9a1b-2c3d4e5f6a7b");
	assert_string_equal(field(a, "node"), "node-a");
	assert_string_equal(field(a, "user"), "app");
	/* A version 4 UUID, lowercase, new for every record. */
	u = field(a, "uuid");
	assert_int_equal(strlen(u), 36);
	assert_int_equal(u[14], '4');
	assert_true(strchr("89ab", u[19]) != NULL);
	assert_int_equal(strspn(u, "0123456789abcdef-"), 36);
	assert_string_not_equal(u, field(b, "uuid"));
	json_object_put(a);
	json_object_put(b);
}

static void record_message_says_what_the_event_did_and_who(void **state)
{
	static const struct {
		struct dg_nl_event ev;
		const char *msg;
	} cases[] = {
		{ { .action = DRIFTGUARD_ACTION_BLOCKED, .class = DRIFTGUARD_CLASS_UPPER,
		    .hook = DRIFTGUARD_HOOK_EXEC, .tgid = 9, .comm = "sh",
		    .path = "/tmp/dropped" },
		  "blocked upper exec: /tmp/dropped" },
		{ { .action = DRIFTGUARD_ACTION_BLOCKED, .class = DRIFTGUARD_CLASS_USERNS,
		    .hook = DRIFTGUARD_HOOK_USERNS, .pid = 124, .tgid = 123,
		    .comm = "unshare", .path = "" },
		  "blocked user namespace creation by unshare[123]" },
		{ { .action = DRIFTGUARD_ACTION_ALERTED, .class = DRIFTGUARD_CLASS_USERNS,
		    .hook = DRIFTGUARD_HOOK_USERNS, .tgid = 5, .comm = "runc:[2:INIT]" },
		  "alerted user namespace creation by runc:[2:INIT][5]" },
		{ { .action = DRIFTGUARD_ACTION_BLOCKED, .class = DRIFTGUARD_CLASS_EXECMEM,
		    .hook = DRIFTGUARD_HOOK_MMAP, .tgid = 77, .comm = "java", .path = "" },
		  "blocked executable anonymous memory by java[77]" },
		{ { .action = DRIFTGUARD_ACTION_ALERTED, .class = DRIFTGUARD_CLASS_EXECMEM,
		    .hook = DRIFTGUARD_HOOK_MMAP, .tgid = 8, .comm = "app",
		    .path = "/usr/lib/libold.so" },
		  "alerted executable memory in a written private mapping of "
		  "/usr/lib/libold.so by app[8]" },
		{ { .action = DRIFTGUARD_ACTION_BLOCKED, .class = DRIFTGUARD_CLASS_PROCMEM,
		    .hook = DRIFTGUARD_HOOK_OPEN, .tgid = 45, .comm = "python3",
		    .path = "/proc/45/mem" },
		  "blocked write-open of /proc/45/mem by python3[45]" },
		/* A process gone before its name was read. */
		{ { .action = DRIFTGUARD_ACTION_BLOCKED, .class = DRIFTGUARD_CLASS_PROCMEM,
		    .hook = DRIFTGUARD_HOOK_OPEN, .tgid = 46, .path = "/proc/1/mem" },
		  "blocked write-open of /proc/1/mem by pid 46" },
	};
	char msg[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		dg_record_message(&cases[i].ev, msg, sizeof(msg));
		assert_string_equal(msg, cases[i].msg);
	}
}

static void only_hardening_classes_are_described_in_words(void **state)
{
	char what[128];
	int c;

	(void)state;
	for (c = 0; c < __DRIFTGUARD_CLASS_MAX; c++) {
		bool words = c == DRIFTGUARD_CLASS_USERNS ||
			     c == DRIFTGUARD_CLASS_EXECMEM ||
			     c == DRIFTGUARD_CLASS_PROCMEM;

		assert_int_equal(dg_record_hardening_what(c, "/x", what,
							  sizeof(what)), words);
		if (!words)
			assert_string_equal(what, "");
	}
	/* A summary has no comm: the words alone, no path needed. */
	assert_true(dg_record_hardening_what(DRIFTGUARD_CLASS_USERNS, NULL, what,
					     sizeof(what)));
	assert_string_equal(what, "user namespace creation");
}

static void userns_record_without_a_file_has_every_field_and_an_empty_path(void **state)
{
	struct fixture *fx = *state;
	struct dg_nl_event ev = {
		.time = 1700000000000000000ULL,
		.action = DRIFTGUARD_ACTION_BLOCKED,
		.class = DRIFTGUARD_CLASS_USERNS, .hook = DRIFTGUARD_HOOK_USERNS,
		.pid = 123, .tgid = 123, .ppid = 7, .uid = 1000, .comm = "unshare",
		.path = "", .filename = "", .interpreter = "",
		.cgroup = "/sys/fs/cgroup/system.slice/docker-"
			  "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope",
	};
	struct json_object *o = dg_record_event(&ev, &fx->env);

	assert_non_null(o);
	assert_string_equal(field(o, "class"), "userns");
	assert_string_equal(field(o, "hook"), "userns");
	assert_string_equal(field(o, "action"), "blocked");
	assert_string_equal(field(o, "path"), "");
	assert_string_equal(field(o, "filename"), "");
	assert_string_equal(field(o, "runtime"), "docker");
	assert_string_equal(field(o, "user"), "app");
	json_object_put(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(time_is_rfc3339_utc_with_nanoseconds),
		cmocka_unit_test(time_field_has_the_epoch_ns_beside_it),
		cmocka_unit_test(passwd_name_matches_the_whole_uid_field_only),
		cmocka_unit_test(record_message_says_what_the_event_did_and_who),
		cmocka_unit_test(only_hardening_classes_are_described_in_words),
		cmocka_unit_test_setup_teardown(userns_record_without_a_file_has_every_field_and_an_empty_path,
						setup, teardown),
		cmocka_unit_test_setup_teardown(process_fields_come_from_proc,
						setup, teardown),
		cmocka_unit_test_setup_teardown(paths_are_as_seen_from_the_processs_own_root,
						setup, teardown),
		cmocka_unit_test_setup_teardown(container_user_is_named_from_its_own_passwd_not_the_hosts,
						setup, teardown),
		cmocka_unit_test_setup_teardown(uid_is_mapped_into_the_processs_user_namespace,
						setup, teardown),
		cmocka_unit_test_setup_teardown(passwd_symlinks_resolve_inside_the_processs_root,
						setup, teardown),
		cmocka_unit_test_setup_teardown(fifo_as_passwd_is_not_read_and_does_not_block,
						setup, teardown),
		cmocka_unit_test_setup_teardown(host_process_without_a_readable_root_is_named_from_the_hosts_passwd,
						setup, teardown),
		cmocka_unit_test_setup_teardown(event_record_has_container_node_uuid_and_process,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
