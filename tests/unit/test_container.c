// SPDX-License-Identifier: GPL-2.0
/* Unit tests: which container (runtime, id, pod) a cgroup v2 path belongs to. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "container.h"

#define ID "4f1a9c2be3d4c5b6a7980112233445566778899aabbccddeeff0011223344556"
#define ID2 "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define UID "8d3e5a12-7b4c-4e6f-9a1b-2c3d4e5f6a7b"
#define UID_ "8d3e5a12_7b4c_4e6f_9a1b_2c3d4e5f6a7b"

static void expect_container(const char *path, enum dg_runtime runtime,
			     const char *id, const char *pod_uid)
{
	struct dg_container c;

	assert_int_equal(dg_container_from_cgroup(path, &c), 0);
	assert_string_equal(dg_runtime_name(c.runtime), dg_runtime_name(runtime));
	assert_string_equal(c.id, id);
	assert_string_equal(c.pod_uid, pod_uid);
}

static void expect_none(const char *path)
{
	struct dg_container c;

	assert_int_equal(dg_container_from_cgroup(path, &c), -ENOENT);
}

static void docker_scope_in_system_slice_is_docker(void **state)
{
	(void)state;
	expect_container("/system.slice/docker-" ID ".scope",
			 DG_RUNTIME_DOCKER, ID, "");
}

static void docker_under_cgroupfs_driver_is_docker(void **state)
{
	(void)state;
	expect_container("/docker/" ID, DG_RUNTIME_DOCKER, ID, "");
}

static void ctr_run_in_a_containerd_namespace_is_containerd(void **state)
{
	(void)state;
	expect_container("/default/" ID, DG_RUNTIME_CONTAINERD, ID, "");
	expect_container("/k8s.io/" ID, DG_RUNTIME_CONTAINERD, ID, "");
}

static void cri_containerd_scope_in_burstable_pod_slice_has_pod_uid_with_dashes(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-burstable.slice/"
			 "kubepods-burstable-pod" UID_ ".slice/"
			 "cri-containerd-" ID ".scope",
			 DG_RUNTIME_CONTAINERD, ID, UID);
}

static void cri_containerd_scope_in_guaranteed_pod_slice_has_pod_uid(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-pod" UID_ ".slice/"
			 "cri-containerd-" ID ".scope",
			 DG_RUNTIME_CONTAINERD, ID, UID);
}

static void bare_id_under_cgroupfs_pod_is_containerd_with_pod_uid(void **state)
{
	(void)state;
	expect_container("/kubepods/burstable/pod" UID "/" ID,
			 DG_RUNTIME_CONTAINERD, ID, UID);
	expect_container("/kubepods/pod" UID "/" ID,
			 DG_RUNTIME_CONTAINERD, ID, UID);
	expect_container("/kubepods/besteffort/pod" UID "/" ID,
			 DG_RUNTIME_CONTAINERD, ID, UID);
}

static void crio_scope_in_besteffort_pod_slice_is_cri_o(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-besteffort.slice/"
			 "kubepods-besteffort-pod" UID_ ".slice/crio-" ID ".scope",
			 DG_RUNTIME_CRIO, ID, UID);
}

static void crio_under_cgroupfs_driver_is_cri_o(void **state)
{
	(void)state;
	expect_container("/kubepods/burstable/pod" UID "/crio-" ID,
			 DG_RUNTIME_CRIO, ID, UID);
}

static void docker_scope_in_pod_slice_is_docker_with_pod_uid(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-burstable.slice/"
			 "kubepods-burstable-pod" UID_ ".slice/docker-" ID ".scope",
			 DG_RUNTIME_DOCKER, ID, UID);
}

static void static_pod_uid_of_32_hex_digits_is_kept(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-burstable.slice/"
			 "kubepods-burstable-pod6f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d.slice/"
			 "cri-containerd-" ID ".scope", DG_RUNTIME_CONTAINERD, ID,
			 "6f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d");
}

static void libpod_scope_in_machine_slice_is_podman(void **state)
{
	(void)state;
	expect_container("/machine.slice/libpod-" ID ".scope",
			 DG_RUNTIME_PODMAN, ID, "");
}

static void rootless_podman_in_user_slice_is_podman(void **state)
{
	(void)state;
	expect_container("/user.slice/user-1000.slice/user@1000.service/"
			 "user.slice/libpod-" ID ".scope", DG_RUNTIME_PODMAN, ID, "");
	expect_container("/user.slice/user-1000.slice/user@1000.service/"
			 "app.slice/libpod-" ID ".scope/container",
			 DG_RUNTIME_PODMAN, ID, "");
}

static void libpod_under_cgroupfs_driver_is_podman(void **state)
{
	(void)state;
	expect_container("/libpod_parent/libpod-" ID, DG_RUNTIME_PODMAN, ID, "");
}

static void path_with_the_cgroup2_mount_in_front_is_understood(void **state)
{
	(void)state;
	expect_container("/sys/fs/cgroup/system.slice/docker-" ID ".scope",
			 DG_RUNTIME_DOCKER, ID, "");
	expect_container("/sys/fs/cgroup/system.slice/docker-" ID ".scope/",
			 DG_RUNTIME_DOCKER, ID, "");
}

static void sub_cgroup_of_a_container_belongs_to_it(void **state)
{
	(void)state;
	expect_container("/system.slice/docker-" ID ".scope/init.scope",
			 DG_RUNTIME_DOCKER, ID, "");
}

static void container_cgroup_is_the_path_up_to_its_own_component(void **state)
{
	static const char path[] = "/sys/fs/cgroup/system.slice/docker-" ID
				   ".scope/init.scope";
	struct dg_container c;

	(void)state;
	assert_int_equal(dg_container_from_cgroup(path, &c), 0);
	assert_int_equal(c.cgroup_len, strlen(path) - strlen("/init.scope"));
	assert_int_equal(dg_container_from_cgroup("/docker/" ID, &c), 0);
	assert_int_equal(c.cgroup_len, strlen("/docker/" ID));
}

static void innermost_of_nested_containers_wins(void **state)
{
	(void)state;
	expect_container("/system.slice/docker-" ID ".scope/docker/" ID2,
			 DG_RUNTIME_DOCKER, ID2, "");
}

static void conmon_scope_is_not_a_container(void **state)
{
	(void)state;
	expect_none("/machine.slice/libpod-conmon-" ID ".scope");
	expect_none("/kubepods.slice/kubepods-burstable.slice/"
		    "kubepods-burstable-pod" UID_ ".slice/crio-conmon-" ID ".scope");
}

static void host_cgroups_are_not_containers(void **state)
{
	(void)state;
	expect_none("");
	expect_none("/");
	expect_none("/init.scope");
	expect_none("/system.slice/docker.service");
	expect_none("/system.slice/containerd.service");
	expect_none("/user.slice/user-1000.slice/session-3.scope");
	expect_none("/kubepods.slice/kubepods-burstable.slice");
}

static void pod_cgroup_without_a_container_is_not_a_container(void **state)
{
	(void)state;
	expect_none("/kubepods.slice/kubepods-burstable.slice/"
		    "kubepods-burstable-pod" UID_ ".slice");
	expect_none("/kubepods/burstable/pod" UID);
}

static void id_of_wrong_length_is_not_a_container(void **state)
{
	(void)state;
	/* 63 and 65 digits */
	expect_none("/system.slice/docker-" "4f1a9c2be3d4c5b6a7980112233445566778899aabbccddeeff001122334455" ".scope");
	expect_none("/system.slice/docker-" ID "0.scope");
	expect_none("/docker/" "4f1a9c2be3");
	expect_none("/system.slice/docker-.scope");
}

static void id_with_non_hex_digits_is_not_a_container(void **state)
{
	(void)state;
	expect_none("/system.slice/docker-" "gf1a9c2be3d4c5b6a7980112233445566778899aabbccddeeff0011223344556" ".scope");
	/* Runtimes write ids in lower case; anything else was not made by one. */
	expect_none("/system.slice/docker-" "4F1A9C2BE3D4C5B6A7980112233445566778899AABBCCDDEEFF0011223344556" ".scope");
	expect_none("/machine.slice/libpod-" "4f1a9c2be3d4c5b6a7980112233445566778899aabbccddeeff001122334455-" ".scope");
}

static void bare_id_under_an_unknown_parent_is_not_a_container(void **state)
{
	(void)state;
	expect_none("/" ID);
	expect_none("/system.slice/" ID);
}

static void container_in_malformed_pod_slice_has_no_pod_uid(void **state)
{
	(void)state;
	expect_container("/kubepods.slice/kubepods-burstable.slice/"
			 "kubepods-burstable-podnot_a_uid.slice/"
			 "cri-containerd-" ID ".scope", DG_RUNTIME_CONTAINERD, ID, "");
}

static void runtimes_have_their_documented_names(void **state)
{
	(void)state;
	assert_string_equal(dg_runtime_name(DG_RUNTIME_DOCKER), "docker");
	assert_string_equal(dg_runtime_name(DG_RUNTIME_CONTAINERD), "containerd");
	assert_string_equal(dg_runtime_name(DG_RUNTIME_CRIO), "cri-o");
	assert_string_equal(dg_runtime_name(DG_RUNTIME_PODMAN), "podman");
	assert_string_equal(dg_runtime_name(0), "unknown");
	assert_string_equal(dg_runtime_name(__DG_RUNTIME_MAX), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(docker_scope_in_system_slice_is_docker),
		cmocka_unit_test(docker_under_cgroupfs_driver_is_docker),
		cmocka_unit_test(ctr_run_in_a_containerd_namespace_is_containerd),
		cmocka_unit_test(cri_containerd_scope_in_burstable_pod_slice_has_pod_uid_with_dashes),
		cmocka_unit_test(cri_containerd_scope_in_guaranteed_pod_slice_has_pod_uid),
		cmocka_unit_test(bare_id_under_cgroupfs_pod_is_containerd_with_pod_uid),
		cmocka_unit_test(crio_scope_in_besteffort_pod_slice_is_cri_o),
		cmocka_unit_test(crio_under_cgroupfs_driver_is_cri_o),
		cmocka_unit_test(docker_scope_in_pod_slice_is_docker_with_pod_uid),
		cmocka_unit_test(static_pod_uid_of_32_hex_digits_is_kept),
		cmocka_unit_test(libpod_scope_in_machine_slice_is_podman),
		cmocka_unit_test(rootless_podman_in_user_slice_is_podman),
		cmocka_unit_test(libpod_under_cgroupfs_driver_is_podman),
		cmocka_unit_test(path_with_the_cgroup2_mount_in_front_is_understood),
		cmocka_unit_test(sub_cgroup_of_a_container_belongs_to_it),
		cmocka_unit_test(container_cgroup_is_the_path_up_to_its_own_component),
		cmocka_unit_test(innermost_of_nested_containers_wins),
		cmocka_unit_test(conmon_scope_is_not_a_container),
		cmocka_unit_test(host_cgroups_are_not_containers),
		cmocka_unit_test(pod_cgroup_without_a_container_is_not_a_container),
		cmocka_unit_test(id_of_wrong_length_is_not_a_container),
		cmocka_unit_test(id_with_non_hex_digits_is_not_a_container),
		cmocka_unit_test(bare_id_under_an_unknown_parent_is_not_a_container),
		cmocka_unit_test(container_in_malformed_pod_slice_has_no_pod_uid),
		cmocka_unit_test(runtimes_have_their_documented_names),
	};

	return cmocka_run_group_tests_name("container", tests, NULL, NULL);
}
