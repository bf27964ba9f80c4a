// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a container's image, name and pod, read from its runtime's files. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "context.h"

/* The files in tests/unit/data/context (see its README). */
#define DATA "tests/unit/data/context"
#define DOCKER_ID "14882c0c724cfeb64146fd2472277065830b803cda27747c52db36ca4f61d3af"
#define CTR_ID "210d14ebd14a27625b922334798b477441318c3a9feb7c746e0796f608b153d5"
#define K8S_ID "7d4c9b2a1e0f3d5c6b8a9e7f1d2c3b4a5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"
#define CRIO_ID "5b1e0c9d8a7f6e5d4c3b2a19080706050403020100f0e0d0c0b0a09080706050"
#define PODMAN_ID "c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc"
#define NONE_ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static const struct dg_context_roots data_roots = {
	DATA "/docker", DATA "/containerd", DATA "/crio", DATA "/podman",
};

static struct dg_container container(enum dg_runtime rt, const char *id)
{
	struct dg_container c = { .runtime = rt };

	snprintf(c.id, sizeof(c.id), "%s", id);
	return c;
}

static int read_ctx(enum dg_runtime rt, const char *id,
		    const struct dg_context_roots *roots, struct dg_context *out,
		    char *why, size_t size)
{
	struct dg_container c = container(rt, id);

	return dg_context_read(&c, roots, out, why, size);
}

static void expect_empty(const struct dg_context *x)
{
	assert_string_equal(x->image, "");
	assert_string_equal(x->image_id, "");
	assert_string_equal(x->container_name, "");
	assert_string_equal(x->k8s_namespace, "");
	assert_string_equal(x->k8s_pod, "");
	assert_string_equal(x->k8s_container, "");
}

static void docker_config_v2_gives_image_digest_and_name(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, DOCKER_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	assert_string_equal(x.image, "dg/base");
	assert_string_equal(x.image_id, "sha256:f8c0c9c160cbf0608d077790e5cad460a45e3e67619a8d0c1d741dbc64ca5ed1");
	assert_string_equal(x.container_name, "ctx-sample");
	assert_string_equal(x.k8s_namespace, "");
	assert_string_equal(x.k8s_pod, "");
}

/*
 * A plain `ctr run` bundle has no annotations; its "work" link leads to
 * containerd's root, whose meta.db (captured from containerd 1.6.20, see
 * the README) names the image the container was created from and, through
 * the image's manifest, its config digest: the same image id docker gives
 * the same image (dg/base) in docker_config_v2_gives_image_digest_and_name.
 */
static void plain_ctr_run_gets_image_and_digest_from_containerds_database(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_CONTAINERD, CTR_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	assert_string_equal(x.image, "docker.io/dg/base:latest");
	assert_string_equal(x.image_id, "sha256:f8c0c9c160cbf0608d077790e5cad460a45e3e67619a8d0c1d741dbc64ca5ed1");
	assert_string_equal(x.container_name, "");
	assert_string_equal(x.k8s_pod, "");
}

/*
 * The plain bundle in a state directory of its own, its work link set to
 * @link ("ROOT": to the root beside it, as containerd makes it; NULL:
 * none), and @len bytes of @db as that root's meta.db: the bundle is still
 * found, and the fields are what the database gives.
 */
static void ctr_case(const char *link, const char *db, size_t len,
		     struct dg_context *x)
{
	struct dg_context_roots roots = data_roots;
	char dir[64], cmd[1024], path[700], why[512];
	FILE *f;

	strcpy(dir, "/tmp/dg-ctx-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd),
		 "mkdir -p %s/state/io.containerd.runtime.v2.task/default/" CTR_ID
		 " %s/root/io.containerd.metadata.v1.bolt && cp " DATA
		 "/containerd/io.containerd.runtime.v2.task/default/" CTR_ID
		 "/config.json %s/state/io.containerd.runtime.v2.task/default/" CTR_ID "/",
		 dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	if (link) {
		char target[600];

		if (!strcmp(link, "ROOT"))
			snprintf(target, sizeof(target),
				 "%s/root/io.containerd.runtime.v2.task/default/" CTR_ID, dir);
		else
			snprintf(target, sizeof(target), "%s", link);
		snprintf(path, sizeof(path),
			 "%s/state/io.containerd.runtime.v2.task/default/" CTR_ID "/work", dir);
		assert_int_equal(symlink(target, path), 0);
	}
	snprintf(path, sizeof(path), "%s/root/io.containerd.metadata.v1.bolt/meta.db", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(db, 1, len, f), len);
	fclose(f);
	snprintf(path, sizeof(path), "%s/state", dir);
	roots.containerd = path;
	assert_int_equal(read_ctx(DG_RUNTIME_CONTAINERD, CTR_ID, &roots, x,
				  why, sizeof(why)), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

/*
 * A database that is not one (cut after its meta pages, garbage, empty),
 * or a work link that is missing or does not lead to a containerd root:
 * the bundle is still found, the fields stay empty, nothing fails. The
 * same copy, whole, gives the image (the case's own check).
 */
static void ctr_run_with_a_broken_database_or_work_link_says_nothing(void **state)
{
	static char garbage[3 * 4096];
	struct dg_context x;
	size_t len;
	char *db;
	FILE *f;

	(void)state;
	memset(garbage, 0x5a, sizeof(garbage));
	db = malloc(1 << 20);
	assert_non_null(db);
	f = fopen(DATA "/containerd-root/io.containerd.metadata.v1.bolt/meta.db", "r");
	assert_non_null(f);
	len = fread(db, 1, 1 << 20, f);
	fclose(f);
	assert_true(len > 3 * 4096);

	ctr_case("ROOT", db, len, &x);
	assert_string_equal(x.image, "docker.io/dg/base:latest");
	ctr_case("ROOT", db, 2 * 4096, &x);
	expect_empty(&x);
	ctr_case("ROOT", garbage, sizeof(garbage), &x);
	expect_empty(&x);
	ctr_case("ROOT", db, 0, &x);
	expect_empty(&x);
	ctr_case(NULL, db, len, &x);
	expect_empty(&x);
	ctr_case("/var/lib/containerd/elsewhere", db, len, &x);
	expect_empty(&x);
	free(db);
}

static void cri_containerd_bundle_gives_image_pod_and_container(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_CONTAINERD, K8S_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	assert_string_equal(x.image, "docker.io/library/nginx:1.25");
	assert_string_equal(x.image_id, "");	/* CRI writes no digest there */
	assert_string_equal(x.container_name, "web");
	assert_string_equal(x.k8s_namespace, "shop");
	assert_string_equal(x.k8s_pod, "web-7c9d8f6b5-x2k4q");
	assert_string_equal(x.k8s_container, "web");
}

static void crio_userdata_config_gives_image_ref_and_pod(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_CRIO, CRIO_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	assert_string_equal(x.image, "registry.example.com/payments/api@sha256:"
			    "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");
	assert_string_equal(x.image_id, "sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0");
	assert_string_equal(x.k8s_namespace, "payments");
	assert_string_equal(x.k8s_pod, "api-5f7d9c8b6-abcde");
	assert_string_equal(x.k8s_container, "api");
	assert_string_equal(x.container_name, "api");
}

static void podman_containers_json_entry_gives_name_image_and_id(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_PODMAN, PODMAN_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	assert_string_equal(x.container_name, "batch-job");
	assert_string_equal(x.image, "quay.io/example/batch:2.1");
	assert_string_equal(x.image_id, "sha256:e4c58958181a5925816faa528ce959e487632f4cfd192f8132f71b32df2744b4");
}

/* Debian 12's podman 4.3.1, `podman create --name web-1 localhost/dg/base:latest`. */
static void podman_4_3_containers_json_gives_name_image_and_id(void **state)
{
	static const struct dg_context_roots roots = {
		.podman = DATA "/podman-4.3",
	};
	struct dg_context x;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_PODMAN,
				  "3450d2102e09c80e6a3f7ca03354f7eec27d2ecc4b5464dc986bae5605951c73",
				  &roots, &x, why, sizeof(why)), 0);
	assert_string_equal(x.container_name, "web-1");
	assert_string_equal(x.image, "localhost/dg/base:latest");
	assert_string_equal(x.image_id, "sha256:f8c0c9c160cbf0608d077790e5cad460a45e3e67619a8d0c1d741dbc64ca5ed1");
}

static void kubepods_cgroupfs_container_of_cri_dockerd_is_found_in_docker(void **state)
{
	struct dg_context x;
	char why[512];

	(void)state;
	/* The path said containerd; docker's file is the one that exists. */
	assert_int_equal(read_ctx(DG_RUNTIME_CONTAINERD, DOCKER_ID, &data_roots,
				  &x, why, sizeof(why)), 0);
	assert_string_equal(x.image, "dg/base");
}

static void missing_files_are_enoent_naming_every_path_tried(void **state)
{
	struct dg_context x;
	char why[2048];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, NONE_ID, &data_roots, &x,
				  why, sizeof(why)), -ENOENT);
	expect_empty(&x);
	assert_non_null(strstr(why, DATA "/docker/containers/" NONE_ID "/config.v2.json"));
	assert_non_null(strstr(why, DATA "/crio/overlay-containers/" NONE_ID));
	assert_non_null(strstr(why, "containers.json: no container " NONE_ID));
}

/* A docker root in a fresh directory with @text as the container's file. */
static char *docker_root_with(const char *text, size_t len)
{
	static char root[64];
	char path[256];
	int fd;

	snprintf(root, sizeof(root), "/tmp/dgctx.XXXXXX");
	assert_non_null(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/containers", root);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/containers/" NONE_ID, root);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/containers/" NONE_ID "/config.v2.json", root);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, len), (ssize_t)len);
	close(fd);
	return root;
}

static void remove_root(const char *root)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

static void malformed_json_is_ebadmsg_and_empty(void **state)
{
	static const char bad[] = "{\"Config\": {\"Image\": \"dg/base\"";
	struct dg_context_roots r = { 0 };
	struct dg_context x;
	char why[512];

	(void)state;
	r.docker = docker_root_with(bad, strlen(bad));
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, NONE_ID, &r, &x, why,
				  sizeof(why)), -EBADMSG);
	expect_empty(&x);
	assert_non_null(strstr(why, "config.v2.json: not JSON"));
	remove_root(r.docker);
}

static void json_that_is_not_an_object_is_ebadmsg(void **state)
{
	static const char arr[] = "[1, 2]\n";
	struct dg_context_roots r = { 0 };
	struct dg_context x;
	char why[512];

	(void)state;
	r.docker = docker_root_with(arr, strlen(arr));
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, NONE_ID, &r, &x, why,
				  sizeof(why)), -EBADMSG);
	assert_non_null(strstr(why, "not a JSON object"));
	remove_root(r.docker);
}

static void file_over_one_mib_is_efbig_and_not_parsed(void **state)
{
	struct dg_context_roots r = { 0 };
	size_t len = DG_CONTEXT_FILE_MAX + 1;
	struct dg_context x;
	char why[512], *big = malloc(len);

	(void)state;
	assert_non_null(big);
	/* Valid JSON with an image: only the size refuses it. */
	memset(big, ' ', len);
	memcpy(big, "{\"Config\":{\"Image\":\"dg/base\"}}", 30);
	r.docker = docker_root_with(big, len);
	free(big);
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, NONE_ID, &r, &x, why,
				  sizeof(why)), -EFBIG);
	expect_empty(&x);
	assert_non_null(strstr(why, "over the 1048576-byte bound"));
	remove_root(r.docker);
}

static void file_without_the_keys_gives_empty_fields(void **state)
{
	static const char text[] = "{\"Config\": {\"Labels\": null}, \"Name\": 5}";
	struct dg_context_roots r = { 0 };
	struct dg_context x;
	char why[512];

	(void)state;
	r.docker = docker_root_with(text, strlen(text));
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, NONE_ID, &r, &x, why,
				  sizeof(why)), 0);
	expect_empty(&x);
	remove_root(r.docker);
}

static void json_has_only_the_known_fields(void **state)
{
	struct dg_context x;
	struct json_object *o = json_object_new_object(), *v;
	char why[512];

	(void)state;
	assert_int_equal(read_ctx(DG_RUNTIME_DOCKER, DOCKER_ID, &data_roots, &x,
				  why, sizeof(why)), 0);
	dg_context_json(o, &x);
	assert_true(json_object_object_get_ex(o, "image", &v));
	assert_string_equal(json_object_get_string(v), "dg/base");
	assert_true(json_object_object_get_ex(o, "image_id", NULL));
	assert_true(json_object_object_get_ex(o, "container_name", NULL));
	/* Unknown: left out, not "". */
	assert_false(json_object_object_get_ex(o, "k8s_pod", NULL));
	assert_false(json_object_object_get_ex(o, "k8s_namespace", NULL));
	json_object_put(o);
}

static void only_a_sha256_digest_makes_a_reference_immutable(void **state)
{
	(void)state;
	assert_true(dg_context_mutable("nginx:1.25"));
	assert_true(dg_context_mutable("dg/base"));
	assert_false(dg_context_mutable("repo/app@sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a0"));
	assert_false(dg_context_mutable("repo/app:1.0@sha256:9f8e"));
	/* An image ID in full is content-addressed; a short one is a prefix. */
	assert_false(dg_context_mutable("sha256:f8c0c9c160cbf0608d077790e5cad460"
					"a45e3e67619a8d0c1d741dbc64ca5ed1"));
	assert_true(dg_context_mutable("sha256:f8c0c9c160cb"));
	assert_true(dg_context_mutable("f8c0c9c160cb"));
}

static int logged;
static char last_log[4096];

__attribute__((format(printf, 1, 2)))
static void count_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
	va_end(ap);
	logged++;
}

static void cache_reads_once_logs_a_broken_file_once_and_prunes_gone_cgroups(void **state)
{
	static const char bad[] = "not json";
	struct dg_context_roots r = data_roots;
	struct dg_context_cache *cc;
	struct dg_container good = container(DG_RUNTIME_DOCKER, DOCKER_ID);
	struct dg_container broken = container(DG_RUNTIME_DOCKER, NONE_ID);
	const struct dg_context *x;
	char cg1[] = "/tmp/dgcg1.XXXXXX", cg2[] = "/tmp/dgcg2.XXXXXX";
	int i;

	(void)state;
	assert_non_null(mkdtemp(cg1));
	assert_non_null(mkdtemp(cg2));
	/* The broken container's file in a root of its own; the good one's too. */
	r.docker = docker_root_with(bad, strlen(bad));
	cc = dg_context_cache_new(8, &data_roots, count_log);
	assert_non_null(cc);
	logged = 0;
	for (i = 0; i < 3; i++) {
		x = dg_context_cache_get(cc, &good, cg1, 100 + i);
		assert_string_equal(x->image, "dg/base");
	}
	assert_int_equal(logged, 0);
	assert_int_equal(dg_context_cache_set_roots(cc, &r), 0);
	assert_int_equal(dg_context_cache_size(cc), 0);	/* new roots: emptied */
	for (i = 0; i < 3; i++) {
		x = dg_context_cache_get(cc, &broken, cg2, 100 + 100 * i);
		assert_string_equal(x->image, "");
	}
	assert_int_equal(logged, 1);
	assert_non_null(strstr(last_log, "container 0123456789ab (docker)"));
	assert_non_null(strstr(last_log, "not JSON"));
	assert_int_equal(dg_context_cache_size(cc), 1);
	assert_int_equal(dg_context_cache_prune(cc), 0);
	assert_int_equal(rmdir(cg2), 0);
	assert_int_equal(dg_context_cache_prune(cc), 1);
	assert_int_equal(dg_context_cache_size(cc), 0);
	dg_context_cache_free(cc);
	rmdir(cg1);
	remove_root(r.docker);
}

static void cache_keeps_its_bound_dropping_the_least_recently_used(void **state)
{
	struct dg_context_cache *cc = dg_context_cache_new(4, &data_roots, NULL);
	struct dg_container c;
	int i;

	(void)state;
	assert_non_null(cc);
	for (i = 0; i < 10; i++) {
		c = container(DG_RUNTIME_DOCKER, NONE_ID);
		c.id[63] = "0123456789"[i];
		dg_context_cache_get(cc, &c, "/", 1);
		assert_true(dg_context_cache_size(cc) <= 4);
	}
	assert_int_equal(dg_context_cache_size(cc), 4);
	c = container(DG_RUNTIME_DOCKER, DOCKER_ID);
	assert_string_equal(dg_context_cache_get(cc, &c, "/", 1)->image, "dg/base");
	dg_context_cache_free(cc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(docker_config_v2_gives_image_digest_and_name),
		cmocka_unit_test(plain_ctr_run_gets_image_and_digest_from_containerds_database),
		cmocka_unit_test(ctr_run_with_a_broken_database_or_work_link_says_nothing),
		cmocka_unit_test(cri_containerd_bundle_gives_image_pod_and_container),
		cmocka_unit_test(crio_userdata_config_gives_image_ref_and_pod),
		cmocka_unit_test(podman_containers_json_entry_gives_name_image_and_id),
		cmocka_unit_test(podman_4_3_containers_json_gives_name_image_and_id),
		cmocka_unit_test(kubepods_cgroupfs_container_of_cri_dockerd_is_found_in_docker),
		cmocka_unit_test(missing_files_are_enoent_naming_every_path_tried),
		cmocka_unit_test(malformed_json_is_ebadmsg_and_empty),
		cmocka_unit_test(json_that_is_not_an_object_is_ebadmsg),
		cmocka_unit_test(file_over_one_mib_is_efbig_and_not_parsed),
		cmocka_unit_test(file_without_the_keys_gives_empty_fields),
		cmocka_unit_test(json_has_only_the_known_fields),
		cmocka_unit_test(only_a_sha256_digest_makes_a_reference_immutable),
		cmocka_unit_test(cache_reads_once_logs_a_broken_file_once_and_prunes_gone_cgroups),
		cmocka_unit_test(cache_keeps_its_bound_dropping_the_least_recently_used),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
