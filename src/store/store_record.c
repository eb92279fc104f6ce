// SPDX-License-Identifier: MIT
/* store_record.c — reading filled forms whole, and listing them. */
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_internal.h"

void store_record_clear(struct store_record *r)
{
	free(r->form);
	for (size_t i = 0; i < r->nanswers; i++) {
		free(r->answers[i].field);
		free(r->answers[i].item);
		free(r->answers[i].col);
		kaigi_value_clear(&r->answers[i].value);
	}
	free(r->answers);
	for (size_t i = 0; i < r->nitems; i++)
		free(r->items[i].field);
	free(r->items);
	memset(r, 0, sizeof *r);
}

enum kaigi_status store_record_get(struct store *st, const char *record_id,
				   struct store_record *out, struct kaigi_error *err)
{
	static const char head[] = "SELECT id, meeting_id, case_id, form, form_version, created, "
				   "updated FROM form_record WHERE id = ?1";
	/* Answers in a stable order: plain fields and grid cells by key, list
	 * items by their position. */
	static const char ans[] =
	    "SELECT a.field, a.item, a.col, a.value FROM answer a "
	    "LEFT JOIN list_item i ON i.id = a.item AND i.record_id = a.record_id "
	    "WHERE a.record_id = ?1 ORDER BY a.field, i.ord, a.item, a.col";
	static const char items[] = "SELECT id, field, ord FROM list_item WHERE record_id = ?1 "
				    "ORDER BY field, ord, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, head, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, record_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(q);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(q);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, err, "reading a record");
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no record %s", record_id);
	}
	store_column_id(q, 0, out->id);
	store_column_id(q, 1, out->meeting_id);
	store_column_id(q, 2, out->case_id);
	out->form = store_column_strdup(q, 3);
	out->form_version = sqlite3_column_int(q, 4);
	out->created = sqlite3_column_int64(q, 5);
	out->updated = sqlite3_column_int64(q, 6);
	sqlite3_reset(q);
	out->schema = st->forms ? schema_form_find(st->forms, out->form) : NULL;

	size_t cap = 0;
	q = store_stmt(st, ans, err);
	if (!q) {
		store_record_clear(out);
		return err->status;
	}
	sqlite3_bind_text(q, 1, record_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->answers = xgrow(out->answers, out->nanswers, &cap, sizeof *out->answers);
		struct store_answer *a = &out->answers[out->nanswers++];
		memset(a, 0, sizeof *a);
		a->field = store_column_strdup(q, 0);
		a->item = store_column_strdup(q, 1);
		a->col = store_column_strdup(q, 2);
		store_column_value(q, 3, &a->value);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_record_clear(out);
		return store_fail(st, rc, err, "reading a record");
	}
	cap = 0;
	q = store_stmt(st, items, err);
	if (!q) {
		store_record_clear(out);
		return err->status;
	}
	sqlite3_bind_text(q, 1, record_id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->items = xgrow(out->items, out->nitems, &cap, sizeof *out->items);
		struct store_item *it = &out->items[out->nitems++];
		store_column_id(q, 0, it->id);
		it->field = store_column_strdup(q, 1);
		it->ord = sqlite3_column_int(q, 2);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_record_clear(out);
		return store_fail(st, rc, err, "reading a record");
	}
	return KAIGI_OK;
}

const struct kaigi_value *store_record_value(const struct store_record *r,
					     const struct store_path *path)
{
	const char *item = path->item ? path->item : "";
	const char *col = path->col ? path->col : "";
	for (size_t i = 0; i < r->nanswers; i++) {
		const struct store_answer *a = &r->answers[i];
		if (strcmp(a->field, path->field) == 0 && strcmp(a->item, item) == 0 &&
		    strcmp(a->col, col) == 0)
			return &a->value;
	}
	return NULL;
}

void store_record_list_free(struct store_record_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].form);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

enum kaigi_status store_record_list(struct store *st, const char *meeting_id, const char *case_id,
				    struct store_record_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT id, form FROM form_record WHERE meeting_id = ?1 AND "
				  "ifnull(case_id, '') = ifnull(?2, '') ORDER BY form, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_stmt(st, sql, err);
	if (!q)
		return err->status;
	sqlite3_bind_text(q, 1, meeting_id, -1, SQLITE_STATIC);
	store_bind_text_or_null(q, 2, case_id);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->v = xgrow(out->v, out->n, &cap, sizeof *out->v);
		store_column_id(q, 0, out->v[out->n].id);
		out->v[out->n].form = store_column_strdup(q, 1);
		out->n++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		store_record_list_free(out);
		return store_fail(st, rc, err, "listing records");
	}
	return KAIGI_OK;
}
