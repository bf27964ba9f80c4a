// SPDX-License-Identifier: GPL-2.0
/* driftguard userspace: one record per (container, path, action) and window. */
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include "record.h"
#include "throttle.h"

#define NSEC_PER_SEC 1000000000ULL

struct dg_window {
	char *who, *path;
	int action;
	uint64_t opened;		/* monotonic ns */
	uint64_t first_time, last_time;	/* the events' "time_ns" */
	unsigned long count;
	struct json_object *first;	/* the event that opened it */
	TAILQ_ENTRY(dg_window) fifo;
};

TAILQ_HEAD(dg_windows, dg_window);

struct dg_throttle {
	uint64_t window;		/* ns */
	size_t max, n;
	unsigned long pending;
	void *tree;			/* tsearch(3) root */
	struct dg_windows fifo;		/* oldest first */
	dg_throttle_emit_fn emit;
	void *arg;
};

/* What a summary leaves out: it speaks for many processes. */
static const char *const dg_process_fields[] = {
	"pid", "tgid", "ppid", "uid", "gid", "comm", "filename",
	"interpreter", "sha256", "quarantine", "evidence", "prev",
	"exe", "cmdline", "cwd", "parent_exe", "user", "uuid",
	"capture", "capture_error",	/* the first record's capture */
};

static int dg_window_cmp(const void *a, const void *b)
{
	const struct dg_window *x = a, *y = b;
	int c;

	if (x->action != y->action)
		return x->action < y->action ? -1 : 1;
	c = strcmp(x->who, y->who);
	return c ? c : strcmp(x->path, y->path);
}

struct dg_throttle *dg_throttle_new(unsigned int window, size_t max,
				    dg_throttle_emit_fn emit, void *arg)
{
	struct dg_throttle *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->window = window * NSEC_PER_SEC;
	t->max = max ? max : 1;
	t->emit = emit;
	t->arg = arg;
	TAILQ_INIT(&t->fifo);
	return t;
}

void dg_throttle_set_window(struct dg_throttle *t, unsigned int window)
{
	t->window = window * NSEC_PER_SEC;
}

static uint64_t dg_event_time(struct json_object *ev)
{
	struct json_object *v;

	return json_object_object_get_ex(ev, "time_ns", &v) ?
		(uint64_t)json_object_get_uint64(v) : 0;
}

static void dg_strip_process_fields(struct json_object *o)
{
	size_t i;

	for (i = 0; i < sizeof(dg_process_fields) / sizeof(*dg_process_fields); i++)
		json_object_object_del(o, dg_process_fields[i]);
}

/* Ends the window @w: its summary when it counted more than the first. */
static void dg_window_close(struct dg_throttle *t, struct dg_window *w)
{
	struct json_object *s = w->first;

	tdelete(w, &t->tree, dg_window_cmp);
	TAILQ_REMOVE(&t->fifo, w, fifo);
	t->n--;
	t->pending -= w->count - 1;
	if (w->count > 1 && s) {
		json_object_object_add(s, "record", json_object_new_string("summary"));
		json_object_object_add(s, "count", json_object_new_uint64(w->count));
		json_object_object_add(s, "suppressed",
				       json_object_new_uint64(w->count - 1));
		dg_record_add_time(s, "first_time", w->first_time);
		dg_record_add_time(s, "last_time", w->last_time);
		t->emit(t->arg, s);
	} else {
		json_object_put(s);
	}
	free(w->who);
	free(w->path);
	free(w);
}

bool dg_throttle_hit(struct dg_throttle *t, const char *who, const char *path,
		     int action, uint64_t now, struct json_object *ev)
{
	struct dg_window key = { .who = (char *)who, .path = (char *)path,
				 .action = action };
	struct dg_window *w, **found;
	uint64_t time = dg_event_time(ev);

	if (!t->window)
		return true;
	found = tfind(&key, &t->tree, dg_window_cmp);
	if (found) {
		w = *found;
		w->count++;
		w->last_time = time;
		t->pending++;
		return false;
	}
	if (t->n >= t->max)
		dg_window_close(t, TAILQ_FIRST(&t->fifo));
	w = calloc(1, sizeof(*w));
	if (!w)
		return true;
	w->who = strdup(who);
	w->path = strdup(path);
	w->action = action;
	w->opened = now;
	w->first_time = w->last_time = time;
	w->count = 1;
	if (json_object_deep_copy(ev, &w->first, NULL)) {
		json_object_put(w->first);
		w->first = NULL;
	} else {
		/* Only what the summary keeps: less memory per window. */
		dg_strip_process_fields(w->first);
	}
	if (!w->who || !w->path || !w->first ||
	    !tsearch(w, &t->tree, dg_window_cmp)) {
		json_object_put(w->first);
		free(w->who);
		free(w->path);
		free(w);
		return true;
	}
	TAILQ_INSERT_TAIL(&t->fifo, w, fifo);
	t->n++;
	return true;
}

void dg_throttle_expire(struct dg_throttle *t, uint64_t now, bool all)
{
	struct dg_window *w;

	while ((w = TAILQ_FIRST(&t->fifo)) &&
	       (all || now - w->opened >= t->window))
		dg_window_close(t, w);
}

void dg_throttle_free(struct dg_throttle *t)
{
	if (!t)
		return;
	dg_throttle_expire(t, 0, true);
	free(t);
}

size_t dg_throttle_open(const struct dg_throttle *t)
{
	return t->n;
}

unsigned long dg_throttle_pending(const struct dg_throttle *t)
{
	return t->pending;
}
