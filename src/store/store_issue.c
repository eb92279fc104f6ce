// SPDX-License-Identifier: MIT
/*
 * store_issue.c — the regional-issue register (地域課題) across years: the
 * issues, the cases that revealed them, and the roll-up that tells how
 * often each came up in a period.
 */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_issue_clear(struct store_issue *i)
{
	free(i->title);
	free(i->description);
	free(i->policy);
	free(i->status);
	free(i->first_seen);
	free(i->last_seen);
	memset(i, 0, sizeof *i);
}

enum kaigi_status store_issue_save(struct store *st, struct store_issue *i, struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue (id, title, description, policy, status, created, "
	    "updated) VALUES (?1, ?2, ?3, ?4, ifnull(?5, 'open'), ?6, ?6) ON CONFLICT (id) DO "
	    "UPDATE SET title = excluded.title, description = excluded.description, policy = "
	    "excluded.policy, status = excluded.status, updated = excluded.updated";
	if (!i->title || !*i->title)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a regional issue needs a title");
	if (!i->id[0])
		store_uuid_new(i->id);
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, i->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, i->title, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, i->description);
	store_bind_text_or_null(q, 4, i->policy);
	store_bind_text_or_null(q, 5, i->status);
	sqlite3_bind_int64(q, 6, store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "saving a regional issue");
	return store_end(st, s, err);
}

enum kaigi_status store_issue_link(struct store *st, const char *issue_id, const char *case_id,
				   const char *note, struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO regional_issue_case (issue_id, case_id, note, created, updated) VALUES "
	    "(?1, ?2, ?3, ?4, ?4) ON CONFLICT (issue_id, case_id) DO UPDATE SET note = "
	    "excluded.note, updated = excluded.updated WHERE note IS NOT excluded.note";
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, issue_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, case_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 3, note);
	sqlite3_bind_int64(q, 4, store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "linking a regional issue");
	return store_end(st, s, err);
}

void store_issue_list_free(struct store_issue_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_issue_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_issue_rollup(struct store *st, const char *from, const char *to,
				     struct store_issue_list *out, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT r.id, r.title, r.description, r.policy, r.status, count(m.id), min(m.date), "
	    "max(m.date) FROM regional_issue r "
	    "LEFT JOIN regional_issue_case l ON l.issue_id = r.id "
	    "LEFT JOIN case_review c ON c.id = l.case_id "
	    "LEFT JOIN meeting m ON m.id = c.meeting_id AND (?1 IS NULL OR m.date >= ?1) AND "
	    "(?2 IS NULL OR m.date <= ?2) "
	    "GROUP BY r.id ORDER BY count(m.id) DESC, r.title";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	store_bind_text_or_null(q, 1, from);
	store_bind_text_or_null(q, 2, to);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		struct store_issue *i = &out->v[out->n++];
		memset(i, 0, sizeof *i);
		store_column_id(q, 0, i->id);
		i->title = store_column_strdup(q, 1);
		i->description = store_column_strdup(q, 2);
		i->policy = store_column_strdup(q, 3);
		i->status = store_column_strdup(q, 4);
		i->ncases = sqlite3_column_int(q, 5);
		i->first_seen = store_column_strdup(q, 6);
		i->last_seen = store_column_strdup(q, 7);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_issue_list_free(out);
		return store_fail(st, rc, err, "rolling up regional issues");
	}
	return KAIGI_OK;
}
