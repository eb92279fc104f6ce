// SPDX-License-Identifier: MIT
/*
 * store_meeting_frame.c — meeting.h: the time each case of a meeting has
 * recorded, read for the time plan, and the vision kept with the meeting.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/meeting.h"
#include "kaigi/xalloc.h"
#include "store_internal.h"

static void plan_case_row(sqlite3_stmt *q, void *out)
{
	struct plan_case *c = out;
	c->used = sqlite3_column_int64(q, 0);
	c->planned = sqlite3_column_int64(q, 1);
	c->started = sqlite3_column_int(q, 2) > 0;
}

enum kaigi_status store_meeting_plan_cases(struct store *st, const char *meeting_id,
					   struct plan_case **out, size_t *n,
					   struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT ifnull(sum(t.actual_sec), 0), ifnull(sum(t.planned_sec), 0), "
	    "count(CASE WHEN t.actual_sec > 0 THEN 1 END) FROM case_review c LEFT JOIN "
	    "phase_timing t ON t.case_id = c.id WHERE c.meeting_id = ?1 GROUP BY c.id "
	    "ORDER BY c.ord, c.id";
	*out = NULL;
	*n = 0;
	enum kaigi_status s = store_list_id(st, sql, meeting_id, out, n, sizeof **out,
					    plan_case_row, "reading the cases' times", err);
	if (s != KAIGI_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return s;
}

enum kaigi_status store_meeting_plan(struct store *st, const struct schema_meeting *tpl,
				     const char *meeting_id, const char *case_id, struct plan *out,
				     size_t *index, struct kaigi_error *err)
{
	struct plan_case *pc = NULL;
	size_t n = 0;
	memset(out, 0, sizeof *out);
	enum kaigi_status s = store_meeting_plan_cases(st, meeting_id, &pc, &n, err);
	if (s != KAIGI_OK)
		return s;
	struct store_case_list cl = {0};
	s = store_case_list(st, meeting_id, &cl, err);
	if (s == KAIGI_OK) {
		/* Both read in agenda order; a case added between the two reads
		 * is planned as not started. */
		plan_build(tpl, cl.n, n == cl.n ? pc : NULL, out);
		*index = cl.n;
		for (size_t i = 0; case_id && i < cl.n; i++)
			if (strcmp(cl.v[i].id, case_id) == 0)
				*index = i;
	}
	store_case_list_free(&cl);
	free(pc);
	return s;
}

enum kaigi_status store_meeting_vision_get(struct store *st, const char *meeting_id, char **out,
					   struct kaigi_error *err)
{
	static const char sql[] = "SELECT vision FROM meeting WHERE id = ?1";
	*out = NULL;
	sqlite3_stmt *q = store_query(st, sql, err, "t", meeting_id);
	enum kaigi_status s = store_one(st, q, store_row_text, out, "reading the meeting's vision",
					N_("no meeting %s"), meeting_id, err);
	if (s != KAIGI_OK)
		return s;
	if (*out && !**out) {
		free(*out);
		*out = NULL;
	}
	return KAIGI_OK;
}

enum kaigi_status store_meeting_vision_set(struct store *st, const char *meeting_id,
					   const char *text, struct kaigi_error *err)
{
	static const char sql[] = "UPDATE meeting SET vision = ?2 WHERE id = ?1";
	return store_write_fmt(st, sql, &(struct store_write){0}, "keeping the meeting's vision",
			       err, "tn", meeting_id, text);
}
