// SPDX-License-Identifier: MIT
/* store_action.c — agreed actions (役割分担): who does what by when. */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_action_clear(struct store_action *a)
{
	free(a->who);
	free(a->what);
	free(a->due);
	free(a->status);
	memset(a, 0, sizeof *a);
}

enum kaigi_status store_action_save(struct store *st, struct store_action *a,
				    struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO action (id, case_id, ord, who, what, due, status, created, updated) "
	    "VALUES (?1, ?2, ?3, ifnull(?4, ''), ?5, ?6, ifnull(?7, 'open'), ?8, ?8) "
	    "ON CONFLICT (id) DO UPDATE SET ord = excluded.ord, who = excluded.who, what = "
	    "excluded.what, due = excluded.due, status = excluded.status, updated = "
	    "excluded.updated";
	if (!a->what || !*a->what)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "an action needs a 'what'");
	if (a->due && *a->due && !store_date_valid(a->due))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "a due date is YYYY-MM-DD, not '%s'", a->due);
	if (a->status && *a->status && strcmp(a->status, "open") && strcmp(a->status, "done") &&
	    strcmp(a->status, "dropped"))
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "an action's status is open, done or dropped, not '%s'",
				       a->status);
	if (!a->id[0])
		store_uuid_new(a->id);
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, a->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, a->case_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(q, 3, a->ord);
	store_bind_text_or_null(q, 4, a->who);
	sqlite3_bind_text(q, 5, a->what, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 6, a->due);
	store_bind_text_or_null(q, 7, a->status);
	sqlite3_bind_int64(q, 8, store_now_ms());
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "saving an action");
	return store_end(st, s, err);
}

enum kaigi_status store_action_delete(struct store *st, const char *id, struct kaigi_error *err)
{
	static const char sql[] = "DELETE FROM action WHERE id = ?1";
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return store_end(st, err->status, err);
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		s = store_fail(st, rc, err, "deleting an action");
	return store_end(st, s, err);
}

void store_action_list_free(struct store_action_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		store_action_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_action_list(struct store *st, const char *case_id,
				    struct store_action_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT id, case_id, ord, who, what, due, status FROM action "
				  "WHERE case_id = ?1 ORDER BY ord, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, case_id, -1, SQLITE_STATIC);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 8;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		struct store_action *a = &out->v[out->n++];
		memset(a, 0, sizeof *a);
		store_column_id(q, 0, a->id);
		store_column_id(q, 1, a->case_id);
		a->ord = sqlite3_column_int(q, 2);
		a->who = store_column_strdup(q, 3);
		a->what = store_column_strdup(q, 4);
		a->due = store_column_strdup(q, 5);
		a->status = store_column_strdup(q, 6);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_action_list_free(out);
		return store_fail(st, rc, err, "listing actions");
	}
	return KAIGI_OK;
}
