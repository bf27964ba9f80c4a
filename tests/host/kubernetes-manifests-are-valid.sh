#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# deploy/kubernetes holds valid manifests, without a cluster or kubectl: every
# YAML document parses (python3-yaml) and has what the API server requires;
# the DaemonSet's selector matches its pod labels, every volumeMount names a
# volume, the ConfigMap volume's items exist; the probes read driftguardd's
# /healthz and /livez at the ConfigMap's metrics_listen port, which the pod
# declares and annotates for Prometheus; the ConfigMap's files, laid out
# as its volume lays them out, pass `driftguardd --check-config`; the init
# container's script parses; kustomization.yaml lists every YAML file there.
set -eu

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
dir=$repo/deploy/kubernetes
. "$repo/tests/lib/common.sh"
tmp=$(mktemp -d)
at_exit rm -rf "$tmp"

python3 -c 'import yaml' 2>/dev/null ||
	fail "python3 with PyYAML (python3-yaml, scripts/bootstrap) is needed"
bin=$repo/build/bin/driftguardd
if [ ! -x "$bin" ]; then
	make -s -C "$repo" userspace >&2 || fail "make userspace"
fi

# The checks; they write the config volume's files to $tmp/config and the
# init container's script to $tmp/init.sh.
python3 - "$dir" "$tmp" <<'EOF'
import os
import re
import sys

import yaml

dir, tmp = sys.argv[1], sys.argv[2]
errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


# RFC 1123 names, as the API server checks metadata.name.
SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
NAMESPACED = {"ConfigMap", "DaemonSet", "ResourceQuota"}

files = sorted(f for f in os.listdir(dir) if f.endswith((".yaml", ".yml")))
if not files:
    err(dir, "no YAML files")
docs = []  # (where, document)
kustomization = None
for f in files:
    try:
        with open(os.path.join(dir, f)) as fh:
            loaded = list(yaml.safe_load_all(fh))
    except yaml.YAMLError as e:
        err(f, f"does not parse: {e}")
        continue
    for i, d in enumerate(loaded):
        where = f"{f} document {i + 1}"
        if d is None:
            continue
        if not isinstance(d, dict):
            err(where, "is not a mapping")
            continue
        if d.get("kind") == "Kustomization":
            kustomization = (f, d)
            continue
        docs.append((where, d))

objects = {}  # (kind, name) -> (where, doc)
for where, d in docs:
    for key in ("apiVersion", "kind"):
        if not isinstance(d.get(key), str) or not d[key]:
            err(where, f"no {key}")
    meta = d.get("metadata")
    name = meta.get("name") if isinstance(meta, dict) else None
    if not isinstance(name, str) or not name:
        err(where, "no metadata.name")
        continue
    if len(name) > 253 or not SUBDOMAIN.match(name):
        err(where, f"metadata.name {name!r} is not a DNS-1123 subdomain")
    kind = d.get("kind")
    if (kind, name) in objects:
        err(where, f"{kind} {name} is also in {objects[(kind, name)][0]}")
    objects[(kind, name)] = (where, d)

namespaces = [n for (k, n) in objects if k == "Namespace"]
if len(namespaces) != 1:
    err(dir, f"one Namespace wanted, found {namespaces}")
for (kind, name), (where, d) in objects.items():
    if kind in NAMESPACED and d["metadata"].get("namespace") not in namespaces:
        err(where, f"{kind} {name} is not in the namespace {namespaces}")

configmaps = {n: d for (k, n), (w, d) in objects.items() if k == "ConfigMap"}
daemonsets = [(w, d) for (k, n), (w, d) in objects.items() if k == "DaemonSet"]
if len(daemonsets) != 1:
    err(dir, f"one DaemonSet wanted, found {len(daemonsets)}")

config_volume_items = None
for where, ds in daemonsets:
    if ds.get("apiVersion") != "apps/v1":
        err(where, "DaemonSet apiVersion is not apps/v1")
    spec = ds.get("spec") or {}
    tmpl = spec.get("template") or {}
    labels = (tmpl.get("metadata") or {}).get("labels") or {}
    match = (spec.get("selector") or {}).get("matchLabels") or {}
    if not match:
        err(where, "spec.selector.matchLabels is empty")
    for k, v in match.items():
        if labels.get(k) != v:
            err(where, f"selector {k}={v} does not match the template's labels {labels}")
    for k, v in labels.items():
        if not isinstance(v, str) or (v and (len(v) > 63 or not re.match(r"^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", v))):
            err(where, f"label {k}={v!r} is not a valid label value")
    if (spec.get("updateStrategy") or {}).get("type") != "RollingUpdate":
        err(where, "updateStrategy is not RollingUpdate")
    pod = tmpl.get("spec") or {}
    # The daemon reads /proc/PID/root of container processes, and the
    # module's netlink family is in the host's network namespace only.
    for key in ("hostPID", "hostNetwork"):
        if pod.get(key) is not True:
            err(where, f"pod spec {key} is not true")
    if pod.get("priorityClassName") != "system-node-critical":
        err(where, "priorityClassName is not system-node-critical")
    if {"operator": "Exists"} not in (pod.get("tolerations") or []):
        err(where, "no toleration of every taint (operator: Exists)")

    volumes = {}
    for v in pod.get("volumes") or []:
        n = v.get("name")
        if not isinstance(n, str) or not LABEL.match(n):
            err(where, f"volume name {n!r} is not a DNS-1123 label")
        if n in volumes:
            err(where, f"volume {n} is defined twice")
        volumes[n] = v
        sources = [k for k in v if k != "name"]
        if len(sources) != 1:
            err(where, f"volume {n} has {len(sources)} sources {sources}")
        hp = v.get("hostPath")
        if hp is not None and not str(hp.get("path", "")).startswith("/"):
            err(where, f"volume {n}: hostPath.path is not absolute")
        cm = v.get("configMap")
        if cm is not None:
            data = (configmaps.get(cm.get("name")) or {}).get("data")
            if data is None:
                err(where, f"volume {n}: ConfigMap {cm.get('name')} is not defined here")
                continue
            for item in cm.get("items") or []:
                if item.get("key") not in data:
                    err(where, f"volume {n}: key {item.get('key')} is not in ConfigMap {cm['name']}")
                p = item.get("path", "")
                if p.startswith("/") or ".." in p.split("/"):
                    err(where, f"volume {n}: item path {p!r} is not relative")
            config_volume_items = (n, cm, data)

    containers = pod.get("containers") or []
    if not containers:
        err(where, "no containers")
    seen = set()
    for c in (pod.get("initContainers") or []) + containers:
        cn = c.get("name")
        if cn in seen or not isinstance(cn, str) or not LABEL.match(cn):
            err(where, f"container name {cn!r} is a duplicate or invalid")
        seen.add(cn)
        if not c.get("image"):
            err(where, f"container {cn}: no image")
        paths = set()
        for m in c.get("volumeMounts") or []:
            if m.get("name") not in volumes:
                err(where, f"container {cn}: volumeMount {m.get('name')} names no volume")
            mp = m.get("mountPath", "")
            if not mp.startswith("/") or mp in paths:
                err(where, f"container {cn}: mountPath {mp!r} is relative or repeated")
            paths.add(mp)
        res = c.get("resources") or {}
        if not res.get("requests") or not res.get("limits"):
            err(where, f"container {cn}: no resource requests and limits")
    if len({c.get("image") for c in (pod.get("initContainers") or []) + containers}) != 1:
        err(where, "the containers use different images")

    # driftguardd --config-dir DIR, and the ConfigMap volume at DIR.
    main = next((c for c in containers if c.get("name") == "driftguardd"), None)
    if main is None:
        err(where, "no driftguardd container")
    else:
        cmd = main.get("command") or []
        if cmd[:1] != ["driftguardd"] or "--config-dir" not in cmd:
            err(where, f"driftguardd container command {cmd} is not driftguardd --config-dir DIR")
        else:
            cdir = cmd[cmd.index("--config-dir") + 1]
            if config_volume_items is None:
                err(where, "no ConfigMap volume")
            elif not any(m.get("name") == config_volume_items[0] and m.get("mountPath") == cdir
                         for m in main.get("volumeMounts") or []):
                err(where, f"the ConfigMap volume is not mounted at {cdir}")
        # The probes ask driftguardd's own health on the node's loopback,
        # at the port of the ConfigMap's metrics_listen, which the
        # container declares (and, with hostNetwork, reserves on the node).
        conf = (config_volume_items or (None, None, {}))[2].get("driftguard.conf", "")
        listen = re.search(r"^metrics_listen\s*=\s*(\S+):(\d+)\s*$", conf, re.M)
        if not listen:
            err(where, "the ConfigMap's driftguard.conf sets no metrics_listen")
        port = int(listen.group(2)) if listen else None
        for probe, path in (("readinessProbe", "/healthz"), ("livenessProbe", "/livez")):
            get = (main.get(probe) or {}).get("httpGet") or {}
            if (get.get("host"), get.get("path"), get.get("port")) != ("127.0.0.1", path, port):
                err(where, f"{probe} is not httpGet 127.0.0.1:{port}{path}")
        if not any(p.get("containerPort") == port and p.get("hostPort") == port
                   for p in main.get("ports") or []):
            err(where, f"the driftguardd container does not declare port {port}")
        notes = (ds.get("spec", {}).get("template", {}).get("metadata", {})
                 .get("annotations") or {})
        if notes.get("prometheus.io/port") != str(port):
            err(where, f"annotation prometheus.io/port is not {port}")
    inits = pod.get("initContainers") or []
    if len(inits) != 1:
        err(where, "one init container (the module loader) wanted")
    else:
        cmd = inits[0].get("command") or []
        if cmd[:2] != ["/bin/sh", "-c"] or len(cmd) != 3:
            err(where, "the init container's command is not /bin/sh -c SCRIPT")
        else:
            with open(os.path.join(tmp, "init.sh"), "w") as fh:
                fh.write(cmd[2])

# The config volume's layout: each item's key at its path, every other key
# left out (items: given).
if config_volume_items is not None:
    n, cm, data = config_volume_items
    paths = [i.get("path") for i in cm.get("items") or []]
    unmapped = sorted(set(data) - {i.get("key") for i in cm.get("items") or []})
    if unmapped:
        err("configmap", f"keys {unmapped} have no item in the DaemonSet's volume: the pods never see them")
    if "driftguard.conf" not in paths:
        err("configmap", "no item at driftguard.conf")
    if not any(re.match(r"^policy\.d/[^/.][^/]*\.conf$", p or "") for p in paths):
        err("configmap", "no item at policy.d/NAME.conf")
    for item in cm.get("items") or []:
        if item.get("key") in data:
            out = os.path.join(tmp, "config", item["path"])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w") as fh:
                fh.write(data[item["key"]])

# kustomization.yaml lists exactly the other YAML files.
if kustomization is None:
    err(dir, "no kustomization.yaml")
else:
    kf, k = kustomization
    listed = k.get("resources") or []
    for r in listed:
        if not os.path.isfile(os.path.join(dir, r)):
            err(kf, f"lists {r}, which does not exist")
    missing = sorted(set(files) - set(listed) - {kf})
    if missing:
        err(kf, f"does not list {missing}")
    if len(listed) != len(set(listed)):
        err(kf, "lists a file twice")

for e in errors:
    print(f"FAILED: {e}", file=sys.stderr)
sys.exit(1 if errors else 0)
EOF

if ! out=$(sh -n "$tmp/init.sh" 2>&1); then
	fail "the init container's script does not parse:"$'\n'"$(sed 's/^/  /' <<<"$out")"
fi
if ! out=$("$bin" --config-dir "$tmp/config" --check-config 2>&1); then
	fail "driftguardd --check-config on the ConfigMap's files:"$'\n'"$(sed 's/^/  /' <<<"$out")"
fi
# The policy files are read: each [policy] section is in force.
want=$(cat "$tmp"/config/policy.d/*.conf | grep -c '^\[policy ')
got=$(echo "$out" | grep -c '^\[policy ')
if [ "$want" -eq 0 ] || [ "$got" -ne "$want" ]; then
	fail "driftguardd --check-config shows $got of $want policies"
fi
