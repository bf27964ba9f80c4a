#!/bin/bash
# On containerd (ctr run, state directory named by containerd_state), a
# container whose OCI bundle carries the annotations containerd's CRI
# plugin writes for a kubelet (io.kubernetes.cri.*, given here with ctr run
# --annotation, as no kubelet runs in the VM): driftguardd's record of a
# refused dropped binary names its image, Kubernetes namespace, pod and
# container, read from the bundle's config.json. (A plain `ctr run` bundle
# has no annotations: its record has runtime and container id only.)
# dg-tier: runtimes
set -eu
. "$DG_SRC/tests/lib.sh"
rt_policy containerd
RT_OPTS=(--annotation io.kubernetes.cri.container-type=container
	--annotation io.kubernetes.cri.image-name=docker.io/dg/base:latest
	--annotation io.kubernetes.cri.sandbox-namespace=shop
	--annotation io.kubernetes.cri.sandbox-name=web-7c9d8f6b5-x2k4q
	--annotation io.kubernetes.cri.container-name=web)
rt_dropped_binary_is_refused dg/base
rec=$DROPPED_RECORD
expect_match "image in the record" '"image":"docker.io/dg/base:latest"' "$rec"
expect_match "k8s namespace in the record" '"k8s_namespace":"shop"' "$rec"
expect_match "k8s pod in the record" '"k8s_pod":"web-7c9d8f6b5-x2k4q"' "$rec"
expect_match "k8s container in the record" '"k8s_container":"web"' "$rec"
expect_match "container name in the record" '"container_name":"web"' "$rec"
pass
