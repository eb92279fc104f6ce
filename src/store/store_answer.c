// SPDX-License-Identifier: MIT
/*
 * store_answer.c — saving one answer, and the items of list fields.
 *
 * Each call is one transaction: BEGIN IMMEDIATE, check, write, COMMIT with
 * synchronous=FULL.  The check runs inside the transaction so it sees what
 * the write will change.  Writing an unchanged value writes nothing (and
 * leaves no audit row).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kaigi/xalloc.h"
#include "store_validate.h"

enum kaigi_status store_record_form(struct store *st, const char *record_id,
				    const struct schema_form **form, char **form_id,
				    struct kaigi_error *err)
{
	static const char sql[] = "SELECT form FROM form_record WHERE id = ?1";
	*form = NULL;
	if (form_id)
		*form_id = NULL;
	char *id = NULL;
	enum kaigi_status s = store_get_id(st, sql, record_id, store_row_text, &id,
					   "reading a record", N_("no record %s"), err);
	if (s != KAIGI_OK)
		return s;
	*form = st->forms ? schema_form_find(st->forms, id) : NULL;
	if (form_id)
		*form_id = id;
	else
		free(id);
	return KAIGI_OK;
}

enum kaigi_status store_record_write(struct store *st, const struct store_record_row *r,
				     struct store_write *w, struct kaigi_error *err)
{
	return store_write_fmt(st, store_upsert_sql(&store_record_upsert), w,
			       w->merge ? "saving a record" : "creating a record", err, "ttntI",
			       r->id, r->meeting_id, r->case_id, r->form, r->form_version);
}

/* The list item must belong to the record and to this list field. */
static enum kaigi_status check_item(struct store *st, const char *record_id,
				    const struct store_path *path, struct kaigi_error *err)
{
	static const char sql[] =
	    "SELECT 1 FROM list_item WHERE id = ?1 AND record_id = ?2 AND field = ?3";
	bool found;
	if (store_exists(st, store_query(st, sql, err, "ttt", path->item, record_id, path->field),
			 &found, "reading a list item", err) != KAIGI_OK)
		return err->status;
	if (found)
		return KAIGI_OK;
	return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "no item %s in list '%s'", path->item,
			       path->field);
}

enum kaigi_status store_answer_write(struct store *st, const char *record_id,
				     const struct store_path *path, const struct kaigi_value *v,
				     long long now, int *changed, struct kaigi_error *err)
{
	static const char upsert[] =
	    "INSERT INTO answer (record_id, field, item, col, value, created, updated) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (record_id, field, item, col) "
	    "DO UPDATE SET value = excluded.value, updated = excluded.updated "
	    "WHERE value IS NOT excluded.value";
	static const char del[] = "DELETE FROM answer WHERE record_id = ?1 AND field = ?2 AND "
				  "item = ?3 AND col = ?4";
	static const char touch[] = "UPDATE form_record SET updated = ?2 WHERE id = ?1";
	bool remove = !v || v->type == KAIGI_NULL;
	sqlite3_stmt *q =
	    store_query(st, remove ? del : upsert, err, "tttt", record_id, path->field,
			path->item ? path->item : "", path->col ? path->col : "");
	if (q && !remove) {
		store_bind_value(q, 5, v);
		sqlite3_bind_int64(q, 6, now);
	}
	if (store_step(st, q, "saving an answer", err) != KAIGI_OK)
		return err->status;
	int n = sqlite3_changes(st->db);
	if (changed)
		*changed = n;
	if (n > 0)
		return store_step(st, store_query(st, touch, err, "tI", record_id, now),
				  "saving an answer", err);
	return KAIGI_OK;
}

enum kaigi_status store_answer_save(struct store *st, const char *record_id,
				    const struct store_path *path, const char *text,
				    struct kaigi_error *err)
{
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	const struct schema_form *form = NULL;
	char *form_id = NULL;
	s = store_record_form(st, record_id, &form, &form_id, err);
	if (s == KAIGI_OK && !form)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "form %s is not installed: its records can be read and "
				    "exported but not changed",
				    form_id);
	free(form_id);
	struct answer_target t;
	if (s == KAIGI_OK)
		s = answer_target_resolve(form, path, &t, err);
	if (s == KAIGI_OK && t.top->type == SCHEMA_LIST)
		s = check_item(st, record_id, path, err);
	struct kaigi_value v = {0};
	if (s == KAIGI_OK)
		s = answer_value_check(st, record_id, &t, path, text, &v, err);
	if (s == KAIGI_OK)
		s = store_answer_write(st, record_id, path, &v, store_now_ms(), NULL, err);
	kaigi_value_clear(&v);
	return store_end(st, s, err);
}

/* ---- list items --------------------------------------------------------- */

static enum kaigi_status list_field(struct store *st, const char *record_id, const char *field,
				    const struct schema_field **out, struct kaigi_error *err)
{
	const struct schema_form *form = NULL;
	char *form_id = NULL;
	enum kaigi_status s = store_record_form(st, record_id, &form, &form_id, err);
	if (s == KAIGI_OK && !form)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "form %s is not installed: its records cannot be changed",
				    form_id);
	free(form_id);
	if (s != KAIGI_OK)
		return s;
	*out = schema_field_find(form, field);
	if (!*out || (*out)->type != SCHEMA_LIST)
		return kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				       "form %s has no list field '%s'", form->id, field);
	return KAIGI_OK;
}

static long long item_count(struct store *st, const char *record_id, const char *field)
{
	static const char sql[] =
	    "SELECT count(*) FROM list_item WHERE record_id = ?1 AND field = ?2";
	sqlite3_stmt *q = store_query(st, sql, NULL, "tt", record_id, field);
	if (!q)
		return -1;
	long long n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
	sqlite3_reset(q);
	return n;
}

enum kaigi_status store_item_write(struct store *st, const char *id, const char *record_id,
				   const char *field, long long ord, struct store_write *w,
				   struct kaigi_error *err)
{
	static const char sql[] =
	    "INSERT INTO list_item (id, record_id, field, ord, created, updated) VALUES (?1, ?2, "
	    "?3, ?4, :now, :now) ON CONFLICT (id) DO UPDATE SET ord = ?4, updated = :now WHERE "
	    "NOT :merge OR ord IS NOT ?4";
	return store_write_fmt(st, sql, w, w->merge ? "saving a list item" : "adding a list item",
			       err, "tttI", id, record_id, field, ord);
}

enum kaigi_status store_item_insert(struct store *st, const char *id, const char *record_id,
				    const char *field, long long ord, long long now,
				    struct kaigi_error *err)
{
	return store_item_write(st, id, record_id, field, ord, &(struct store_write){.now = now},
				err);
}

static enum kaigi_status shift(struct store *st, const char *record_id, const char *field,
			       long long from, long long to, int by, struct kaigi_error *err)
{
	static const char sql[] = "UPDATE list_item SET ord = ord + ?5, updated = ?6 WHERE "
				  "record_id = ?1 AND field = ?2 AND ord >= ?3 AND ord <= ?4";
	sqlite3_stmt *q =
	    store_query(st, sql, err, "ttIIiI", record_id, field, from, to, by, store_now_ms());
	return store_step(st, q, "reordering a list", err);
}

enum kaigi_status store_item_add(struct store *st, const char *record_id, const char *field,
				 size_t pos, char id[STORE_ID_SIZE], struct kaigi_error *err)
{
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	const struct schema_field *f = NULL;
	s = list_field(st, record_id, field, &f, err);
	long long n = s == KAIGI_OK ? item_count(st, record_id, field) : 0;
	if (s == KAIGI_OK && n < 0)
		s = store_fail(st, sqlite3_errcode(st->db), err, "reading a list");
	if (s == KAIGI_OK && f->max_items && (size_t)n >= f->max_items)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0, "'%s' holds at most %zu items",
				    field, f->max_items);
	if (s == KAIGI_OK && n >= STORE_MAX_LIST_ITEMS)
		s = kaigi_error_set(err, KAIGI_EDATA, NULL, 0, 0,
				    "'%s' holds at most %d items (kaigi's limit for one list)",
				    field, STORE_MAX_LIST_ITEMS);
	long long at = s == KAIGI_OK && (long long)pos < n ? (long long)pos : n;
	if (s == KAIGI_OK && at < n)
		s = shift(st, record_id, field, at, n, 1, err);
	if (s == KAIGI_OK) {
		store_uuid_new(id);
		s = store_item_insert(st, id, record_id, field, at, store_now_ms(), err);
	}
	return store_end(st, s, err);
}

/* Where a list item sits: its record, list field and position. */
struct item_place {
	char *record_id, *field;
	long long ord;
};

static void item_place_clear(struct item_place *p)
{
	free(p->record_id);
	free(p->field);
}

static void item_place_row(sqlite3_stmt *q, void *out)
{
	struct item_place *p = out;
	p->record_id = store_column_strdup(q, 0);
	p->field = store_column_strdup(q, 1);
	p->ord = sqlite3_column_int64(q, 2);
}

/* Open the transaction of a change of item_id and find where it sits.
 * The caller ends it (store_end) whatever this returns: after a failed
 * store_begin, store_end only hands the status back. */
static enum kaigi_status item_begin(struct store *st, const char *item_id, struct item_place *out,
				    struct kaigi_error *err)
{
	static const char sql[] = "SELECT record_id, field, ord FROM list_item WHERE id = ?1";
	enum kaigi_status s = store_begin(st, err);
	if (s != KAIGI_OK)
		return s;
	return store_get_id(st, sql, item_id, item_place_row, out, "reading a list item",
			    N_("no list item %s"), err);
}

enum kaigi_status store_item_move(struct store *st, const char *item_id, size_t pos,
				  struct kaigi_error *err)
{
	static const char set[] = "UPDATE list_item SET ord = ?2, updated = ?3 WHERE id = ?1";
	struct item_place at = {0};
	enum kaigi_status s = item_begin(st, item_id, &at, err);
	long long n = s == KAIGI_OK ? item_count(st, at.record_id, at.field) : 0;
	long long to = (long long)pos < n ? (long long)pos : n - 1;
	if (s == KAIGI_OK && to != at.ord) {
		if (to < at.ord)
			s = shift(st, at.record_id, at.field, to, at.ord - 1, 1, err);
		else
			s = shift(st, at.record_id, at.field, at.ord + 1, to, -1, err);
		if (s == KAIGI_OK)
			s = store_step(
			    st, store_query(st, set, err, "tII", item_id, to, store_now_ms()),
			    "moving a list item", err);
	}
	item_place_clear(&at);
	return store_end(st, s, err);
}

enum kaigi_status store_item_delete(struct store *st, const char *item_id, struct kaigi_error *err)
{
	static const char del[] = "DELETE FROM list_item WHERE id = ?1";
	struct item_place at = {0};
	enum kaigi_status s = item_begin(st, item_id, &at, err);
	if (s == KAIGI_OK)
		s = store_step(st, store_query(st, del, err, "t", item_id), "deleting a list item",
			       err);
	if (s == KAIGI_OK)
		s = shift(st, at.record_id, at.field, at.ord + 1, (1LL << 62), -1, err);
	item_place_clear(&at);
	return store_end(st, s, err);
}
