// SPDX-License-Identifier: GPL-2.0
/* driftctl: verify-log, the hash chain of driftguardd's event log. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ctl.h"
#include "evlog.h"

#define DG_ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* Checks one file; @prev_hash, if not NULL, is the hash it must continue. */
static int dg_verify_file(struct dg_ctx *ctx, const char *file,
			  const char *prev_hash, const char *prev_file,
			  struct dg_verify_result *r)
{
	FILE *f = fopen(file, "re");
	int err;

	if (!f) {
		err = -errno;
		dg_err("%s: %s", file, strerror(-err));
		return err;
	}
	err = dg_evlog_verify(f, r);
	fclose(f);
	if (err && err != -EBADMSG) {
		dg_err("%s: %s", file, strerror(-err));
		return err;
	}
	if (!err && prev_hash && r->records && strcmp(r->first_prev, prev_hash)) {
		r->status = DG_VERIFY_BROKEN;
		r->line = 1;
		snprintf(r->reason, sizeof(r->reason),
			 "record 1 does not continue %s (records were deleted "
			 "between the files, or they are out of order)", prev_file);
		err = -EBADMSG;
	}

	if (ctx->json) {
		struct json_object *o = json_object_new_object();

		json_object_object_add(o, "file", json_object_new_string(file));
		json_object_object_add(o, "records",
				       json_object_new_uint64(r->records));
		json_object_object_add(o, "intact", json_object_new_boolean(!err));
		if (err) {
			json_object_object_add(o, "record",
					       json_object_new_uint64(r->line));
			json_object_object_add(o, "reason",
					       json_object_new_string(r->reason));
		}
		if (r->records) {
			json_object_object_add(o, "first_prev",
					       json_object_new_string(r->first_prev));
			json_object_object_add(o, "last_hash",
					       json_object_new_string(r->last_hash));
		}
		json_object_array_add(ctx->doc, o);
	} else if (err) {
		dg_err("%s: %s", file, r->reason);
	} else {
		printf("%s: %lu records, chain intact%s\n", file, r->records,
		       !prev_hash && r->records && strcmp(r->first_prev, DG_ZERO_HASH) ?
		       ", continuing an earlier file" : "");
	}
	return err;
}

int cmd_verify_log(struct dg_ctx *ctx, int argc, char **args)
{
	struct dg_verify_result r;
	char last[DG_HASH_HEX + 1] = "";
	const char *last_file = NULL;
	int i, err, ret = 0;

	if (ctx->json)
		dg_json_answer(ctx, json_object_new_array());
	/*
	 * Rotated files, oldest first: each must continue the one before.
	 * A file that cannot be read decides the exit status over a broken
	 * chain: the verdict on it is unknown, not "tampered".
	 */
	for (i = 0; i < argc; i++) {
		err = dg_verify_file(ctx, args[i], last_file ? last : NULL,
				     last_file, &r);
		if (err) {
			if (!ret || (ret == -EBADMSG && err != -EBADMSG))
				ret = err;
			last_file = NULL;
		} else if (r.records) {
			memcpy(last, r.last_hash, sizeof(last));
			last_file = args[i];
		}
	}
	/* Every file read: the array is the answer, also for a broken chain. */
	ctx->verdict = !ret || ret == -EBADMSG;
	return ret;
}
