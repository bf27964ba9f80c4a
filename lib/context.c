// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: a container's image, name and pod, from its runtime's files. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "bolt.h"
#include "cgroup.h"
#include "context.h"

/* --- files -------------------------------------------------------------- */

/* snprintf for a path: -ENAMETOOLONG when it does not fit. */
__attribute__((format(printf, 3, 4)))
static int dg_pathf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

static void dg_why(char *why, size_t size, const char *path, const char *what)
{
	if (size)
		snprintf(why, size, "%s: %s", path, what);
}

/*
 * Parses the JSON file @path into *@out. The file must be regular and at
 * most DG_CONTEXT_FILE_MAX bytes; opened O_NONBLOCK (a FIFO put there never
 * blocks us: it is refused as not regular).
 */
static int dg_read_json(const char *path, enum json_type want,
			struct json_object **out, char *why, size_t size)
{
	struct json_tokener *tok;
	struct json_object *o;
	struct stat st;
	char *buf;
	ssize_t n;
	size_t len = 0;
	int fd, err = 0;

	*out = NULL;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		err = -errno;
		dg_why(why, size, path, strerror(errno));
		return err;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		dg_why(why, size, path, "not a regular file");
		close(fd);
		return -EBADMSG;
	}
	if (st.st_size > DG_CONTEXT_FILE_MAX) {
		snprintf(why, size, "%s: %lld bytes, over the %d-byte bound",
			 path, (long long)st.st_size, DG_CONTEXT_FILE_MAX);
		close(fd);
		return -EFBIG;
	}
	buf = malloc(DG_CONTEXT_FILE_MAX + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	/* It may grow between fstat and read: the bound holds regardless. */
	while (len <= DG_CONTEXT_FILE_MAX) {
		n = read(fd, buf + len, DG_CONTEXT_FILE_MAX + 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err = -errno;
			dg_why(why, size, path, strerror(errno));
			break;
		}
		if (!n)
			break;
		len += (size_t)n;
	}
	close(fd);
	if (!err && len > DG_CONTEXT_FILE_MAX) {
		snprintf(why, size, "%s: over the %d-byte bound", path,
			 DG_CONTEXT_FILE_MAX);
		err = -EFBIG;
	}
	if (err) {
		free(buf);
		return err;
	}
	tok = json_tokener_new();
	if (!tok) {
		free(buf);
		return -ENOMEM;
	}
	o = json_tokener_parse_ex(tok, buf, (int)len);
	if (!o || json_tokener_get_parse_end(tok) < len) {
		/* Trailing blanks are fine; anything else after the value is not. */
		size_t end = json_tokener_get_parse_end(tok);

		while (o && end < len && strchr(" \t\r\n", buf[end]))
			end++;
		if (!o || end < len) {
			enum json_tokener_error e = json_tokener_get_error(tok);

			snprintf(why, size, "%s: not JSON: %s", path,
				 e == json_tokener_success ? "text after the value" :
				 e == json_tokener_continue ? "unexpected end" :
				 json_tokener_error_desc(e));
			json_object_put(o);
			o = NULL;
			err = -EBADMSG;
		}
	}
	json_tokener_free(tok);
	free(buf);
	if (!err && !json_object_is_type(o, want)) {
		dg_why(why, size, path, want == json_type_array ?
		       "not a JSON array" : "not a JSON object");
		json_object_put(o);
		return -EBADMSG;
	}
	*out = o;
	return err;
}

/* @o's member @key when it is a string, else NULL. */
static const char *dg_member(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* @o's member @key when it is an object, else NULL. */
static struct json_object *dg_object(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!o || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_object))
		return NULL;
	return v;
}

/* Copies @s (NULL: nothing) into @dst, cut to fit; control bytes dropped. */
static void dg_set(char *dst, const char *s)
{
	size_t i = 0;

	if (!s)
		return;
	for (; *s && i < DG_CONTEXT_FIELD_MAX - 1; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			dst[i++] = *s;
	dst[i] = '\0';
}

/* An image id, "sha256:" put in front of a bare hex one. */
static void dg_set_digest(char *dst, const char *s)
{
	char digest[DG_CONTEXT_FIELD_MAX];

	if (!s || !s[0])
		return;
	dg_pathf(digest, sizeof(digest), "%s%s", strchr(s, ':') ? "" : "sha256:", s);
	dg_set(dst, digest);
}

/* --- runtimes ----------------------------------------------------------- */

static int dg_docker(const char *root, const char *id, struct dg_context *out,
		     char *why, size_t size)
{
	struct json_object *o, *config, *labels;
	char path[PATH_MAX];
	const char *name;
	int err;

	if (dg_pathf(path, sizeof(path), "%s/containers/%s/config.v2.json", root, id))
		return -ENAMETOOLONG;
	err = dg_read_json(path, json_type_object, &o, why, size);
	if (err)
		return err;
	config = dg_object(o, "Config");
	labels = dg_object(config, "Labels");
	dg_set(out->image, dg_member(config, "Image"));
	dg_set(out->image_id, dg_member(o, "Image"));
	name = dg_member(o, "Name");
	dg_set(out->container_name, name && name[0] == '/' ? name + 1 : name);
	/* cri-dockerd: the kubelet's labels on a docker container. */
	dg_set(out->k8s_namespace, dg_member(labels, "io.kubernetes.pod.namespace"));
	dg_set(out->k8s_pod, dg_member(labels, "io.kubernetes.pod.name"));
	dg_set(out->k8s_container, dg_member(labels, "io.kubernetes.container.name"));
	json_object_put(o);
	return 0;
}

static int dg_containerd_bundle(const char *path, struct dg_context *out,
				char *why, size_t size)
{
	struct json_object *o, *ann;
	const char *type;
	int err;

	err = dg_read_json(path, json_type_object, &o, why, size);
	if (err)
		return err;
	ann = dg_object(o, "annotations");
	type = dg_member(ann, "io.kubernetes.cri.container-type");
	dg_set(out->image, dg_member(ann, "io.kubernetes.cri.image-name"));
	dg_set(out->k8s_namespace, dg_member(ann, "io.kubernetes.cri.sandbox-namespace"));
	dg_set(out->k8s_pod, dg_member(ann, "io.kubernetes.cri.sandbox-name"));
	/* A sandbox (the pause container) has no container name. */
	if (!type || strcmp(type, "sandbox")) {
		dg_set(out->container_name, dg_member(ann, "io.kubernetes.cri.container-name"));
		dg_set(out->k8s_container, out->container_name);
	}
	json_object_put(o);
	return 0;
}

/* --- containerd's database (meta.db) ------------------------------------ */

struct dg_ctr_index {
	const struct dg_bolt *db;
	const char *ns;
	char config[DG_CONTEXT_FIELD_MAX];
	int found;
};

/* The config digest of manifest @digest: the label containerd keeps on its blob. */
static int dg_ctr_config(const struct dg_bolt *db, const char *ns,
			 const char *digest, char *out, size_t size)
{
	const char *path[] = { "v1", ns, "content", "blob", digest, "labels",
			       "containerd.io/gc.ref.content.config" };

	return dg_bolt_get(db, path, 7, out, size);
}

/* One label of an index: a platform's manifest, whose config is there if pulled. */
static int dg_ctr_index_one(const char *key, const char *value, void *arg)
{
	struct dg_ctr_index *x = arg;
	char config[DG_CONTEXT_FIELD_MAX];

	if (strncmp(key, "containerd.io/gc.ref.content.m.", 31) ||
	    dg_ctr_config(x->db, x->ns, value, config, sizeof(config)))
		return 0;
	if (!x->found++)
		memcpy(x->config, config, sizeof(config));
	return 0;
}

/*
 * What containerd's database says of container @id of namespace @ns: the
 * image it was created from (v1/NS/containers/ID/image) and that image's
 * id, the digest of its config, as docker's image id and CRI's are: the
 * config label of the image's target manifest, or, for a multi-platform
 * index, of the one manifest of it whose content is on the node (a pull
 * fetches the node's platform only; two or more: not known).
 */
static void dg_containerd_db(const char *root, const char *ns, const char *id,
			     struct dg_context *out)
{
	char path[PATH_MAX], image[DG_CONTEXT_FIELD_MAX], digest[DG_CONTEXT_FIELD_MAX];
	const char *cpath[] = { "v1", ns, "containers", id, "image" };
	const char *tpath[] = { "v1", ns, "images", image, "target", "digest" };
	struct dg_ctr_index x = { .ns = ns };
	const char *ipath[] = { "v1", ns, "content", "blob", digest, "labels" };
	struct dg_bolt db;

	if (dg_pathf(path, sizeof(path), "%s/io.containerd.metadata.v1.bolt/meta.db", root) ||
	    dg_bolt_open(path, &db))
		return;
	if (dg_bolt_get(&db, cpath, 5, image, sizeof(image)))
		dg_pathf(image, sizeof(image), "%s", out->image);
	if (!out->image[0])
		dg_set(out->image, image);
	if (image[0] && !dg_bolt_get(&db, tpath, 6, digest, sizeof(digest))) {
		if (!dg_ctr_config(&db, ns, digest, image, sizeof(image))) {
			dg_set_digest(out->image_id, image);
		} else {
			x.db = &db;
			if (!dg_bolt_each(&db, ipath, 6, dg_ctr_index_one, &x) && x.found == 1)
				dg_set_digest(out->image_id, x.config);
		}
	}
	dg_bolt_close(&db);
}

/*
 * containerd's root (where meta.db is), from the bundle's "work" link to
 * ROOT/io.containerd.runtime.v2.task/NS/ID, which the v2 shim makes.
 */
static int dg_containerd_root(const char *bundle, const char *ns, const char *id,
			      char *root, size_t size)
{
	char path[PATH_MAX], link[PATH_MAX], tail[PATH_MAX];
	size_t len, tlen;
	ssize_t n;

	if (dg_pathf(path, sizeof(path), "%s/work", bundle) ||
	    dg_pathf(tail, sizeof(tail), "/io.containerd.runtime.v2.task/%s/%s", ns, id))
		return -ENAMETOOLONG;
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -errno;
	link[n] = '\0';
	len = (size_t)n;
	tlen = strlen(tail);
	if (len <= tlen || strcmp(link + len - tlen, tail))
		return -ENOENT;
	link[len - tlen] = '\0';
	/* A relative link is relative to the bundle. */
	return link[0] == '/' ? dg_pathf(root, size, "%s", link) :
				dg_pathf(root, size, "%s/%s", bundle, link);
}

/* The bundle is under a containerd namespace we do not know: look in each. */
static int dg_containerd(const char *state, const char *id,
			 struct dg_context *out, char *why, size_t size)
{
	char dir[PATH_MAX], path[PATH_MAX], root[PATH_MAX];
	struct dirent *de;
	DIR *d;
	int err = -ENOENT;

	if (dg_pathf(dir, sizeof(dir), "%s/io.containerd.runtime.v2.task", state))
		return -ENAMETOOLONG;
	d = opendir(dir);
	if (!d) {
		err = -errno;
		dg_why(why, size, dir, strerror(errno));
		return err;
	}
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (dg_pathf(path, sizeof(path), "%s/%s/%s/config.json", dir,
			     de->d_name, id) || access(path, F_OK))
			continue;
		err = dg_containerd_bundle(path, out, why, size);
		path[strlen(path) - strlen("/config.json")] = '\0';
		if (!err && !dg_containerd_root(path, de->d_name, id, root, sizeof(root)))
			dg_containerd_db(root, de->d_name, id, out);
		break;
	}
	closedir(d);
	if (err == -ENOENT)
		dg_pathf(why, size, "%s/*/%s/config.json: no such file", dir, id);
	return err;
}

static int dg_crio(const char *state, const char *id, struct dg_context *out,
		   char *why, size_t size)
{
	struct json_object *o, *ann;
	char path[PATH_MAX];
	int err;

	if (dg_pathf(path, sizeof(path), "%s/overlay-containers/%s/userdata/config.json",
		     state, id))
		return -ENAMETOOLONG;
	err = dg_read_json(path, json_type_object, &o, why, size);
	if (err)
		return err;
	ann = dg_object(o, "annotations");
	dg_set(out->image, dg_member(ann, "io.kubernetes.cri-o.ImageName"));
	dg_set_digest(out->image_id, dg_member(ann, "io.kubernetes.cri-o.ImageRef"));
	dg_set(out->k8s_namespace, dg_member(ann, "io.kubernetes.pod.namespace"));
	dg_set(out->k8s_pod, dg_member(ann, "io.kubernetes.pod.name"));
	dg_set(out->k8s_container, dg_member(ann, "io.kubernetes.container.name"));
	dg_set(out->container_name, out->k8s_container);
	json_object_put(o);
	return 0;
}

static int dg_podman(const char *root, const char *id, struct dg_context *out,
		     char *why, size_t size)
{
	struct json_object *o, *e, *v, *meta = NULL;
	char path[PATH_MAX];
	const char *s;
	size_t i, n;
	int err;

	if (dg_pathf(path, sizeof(path), "%s/overlay-containers/containers.json", root))
		return -ENAMETOOLONG;
	err = dg_read_json(path, json_type_array, &o, why, size);
	if (err)
		return err;
	n = json_object_array_length(o);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(o, i);
		s = dg_member(e, "id");
		if (s && !strcmp(s, id))
			break;
	}
	if (i == n) {
		dg_pathf(why, size, "%s: no container %s", path, id);
		json_object_put(o);
		return -ENOENT;
	}
	if (json_object_object_get_ex(e, "names", &v) &&
	    json_object_is_type(v, json_type_array) &&
	    json_object_array_length(v) > 0 &&
	    json_object_is_type(json_object_array_get_idx(v, 0), json_type_string))
		dg_set(out->container_name,
		       json_object_get_string(json_object_array_get_idx(v, 0)));
	dg_set_digest(out->image_id, dg_member(e, "image"));
	/* "metadata" is a JSON document in a string. */
	s = dg_member(e, "metadata");
	if (s)
		meta = json_tokener_parse(s);
	if (meta && json_object_is_type(meta, json_type_object))
		dg_set(out->image, dg_member(meta, "image-name"));
	json_object_put(meta);
	json_object_put(o);
	return 0;
}

/* --- lookups ------------------------------------------------------------ */

int dg_context_read(const struct dg_container *c,
		    const struct dg_context_roots *roots,
		    struct dg_context *out, char *why, size_t size)
{
	static const struct dg_context_roots defaults = {
		DG_DOCKER_ROOT, DG_CONTAINERD_STATE, DG_CRIO_STATE, DG_PODMAN_ROOT,
	};
	const struct dg_context_roots *r = roots ? roots : &defaults;
	/* The cgroup's runtime first, then the others in this order. */
	int order[4] = { DG_RUNTIME_DOCKER, DG_RUNTIME_CONTAINERD,
			 DG_RUNTIME_CRIO, DG_RUNTIME_PODMAN };
	char tried[1024] = "", one[PATH_MAX + 64];
	int i, err = -ENOENT;
	size_t len;

	for (i = 0; i < 4; i++)
		if (order[i] == (int)c->runtime) {
			order[i] = order[0];
			order[0] = (int)c->runtime;
		}
	for (i = 0; i < 4 && err == -ENOENT; i++) {
		memset(out, 0, sizeof(*out));
		one[0] = '\0';
		switch (order[i]) {
		case DG_RUNTIME_DOCKER:
			err = dg_docker(r->docker ? r->docker : DG_DOCKER_ROOT,
					c->id, out, one, sizeof(one));
			break;
		case DG_RUNTIME_CONTAINERD:
			err = dg_containerd(r->containerd ? r->containerd :
					    DG_CONTAINERD_STATE, c->id, out, one,
					    sizeof(one));
			break;
		case DG_RUNTIME_CRIO:
			err = dg_crio(r->crio ? r->crio : DG_CRIO_STATE, c->id,
				      out, one, sizeof(one));
			break;
		case DG_RUNTIME_PODMAN:
			err = dg_podman(r->podman ? r->podman : DG_PODMAN_ROOT,
					c->id, out, one, sizeof(one));
			break;
		}
		if (err == -ENOENT) {
			len = strlen(tried);
			snprintf(tried + len, sizeof(tried) - len, "%s%s",
				 len ? "; " : "", one);
		}
	}
	if (err) {
		memset(out, 0, sizeof(*out));
		snprintf(why, size, "%s", err == -ENOENT ? tried : one);
	}
	return err;
}

void dg_context_json(struct json_object *o, const struct dg_context *ctx)
{
	const struct { const char *key; const char *v; } f[] = {
		{ "image", ctx->image },
		{ "image_id", ctx->image_id },
		{ "container_name", ctx->container_name },
		{ "k8s_namespace", ctx->k8s_namespace },
		{ "k8s_pod", ctx->k8s_pod },
		{ "k8s_container", ctx->k8s_container },
	};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (f[i].v[0])
			json_object_object_add(o, f[i].key,
					       json_object_new_string(f[i].v));
}

bool dg_context_mutable(const char *image)
{
	size_t i;

	if (strstr(image, "@sha256:"))
		return false;
	/* An image ID in full ("docker run sha256:ID") names content too. */
	if (strncmp(image, "sha256:", 7) || strlen(image) != 7 + 64)
		return true;
	for (i = 7; image[i]; i++)
		if (!strchr("0123456789abcdef", image[i]))
			return true;
	return false;
}
