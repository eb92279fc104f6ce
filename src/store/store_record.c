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
	free(r->by_key);
	memset(r, 0, sizeof *r);
}

/* (field, item, col) of answer a against the key k; col NULL compares only
 * field and item. */
static int key_cmp(const struct store_answer *a, const char *field, const char *item,
		   const char *col)
{
	int c = strcmp(a->field, field);
	if (c == 0)
		c = strcmp(a->item, item);
	if (c == 0 && col)
		c = strcmp(a->col, col);
	return c;
}

static const struct store_record *sort_rec; /* qsort has no context argument */

static int by_key_cmp(const void *x, const void *y)
{
	const struct store_answer *a = &sort_rec->answers[*(const size_t *)x];
	const struct store_answer *b = &sort_rec->answers[*(const size_t *)y];
	return key_cmp(a, b->field, b->item, b->col);
}

static void index_answers(struct store_record *r)
{
	r->by_key = xcalloc(r->nanswers + 1, sizeof *r->by_key);
	for (size_t i = 0; i < r->nanswers; i++)
		r->by_key[i] = i;
	sort_rec = r;
	qsort(r->by_key, r->nanswers, sizeof *r->by_key, by_key_cmp);
	sort_rec = NULL;
}

/* The first position in by_key whose answer is not below the key. */
static size_t lower_bound(const struct store_record *r, const char *field, const char *item,
			  const char *col)
{
	size_t lo = 0, hi = r->nanswers;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_cmp(&r->answers[r->by_key[mid]], field, item, col) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t store_record_cells(const struct store_record *r, const char *field, const char *item,
			  const size_t **idx)
{
	*idx = NULL;
	if (!r->by_key)
		return 0;
	size_t lo = lower_bound(r, field, item, NULL), hi = lo;
	while (hi < r->nanswers && key_cmp(&r->answers[r->by_key[hi]], field, item, NULL) == 0)
		hi++;
	*idx = r->by_key + lo;
	return hi - lo;
}

static void record_head_row(sqlite3_stmt *q, void *out)
{
	store_cols_read(q, 0, store_record_head_cols, out);
}

/* A text column, "" for NULL: NOT NULL in the schema, but a damaged file
 * may say otherwise (fuzz_read), and "" keeps every comparison defined. */
static char *column_text(sqlite3_stmt *q, int col)
{
	char *t = store_column_strdup(q, col);
	return t ? t : xstrdup("");
}

static void answer_row(sqlite3_stmt *q, void *out)
{
	struct store_answer *a = out;
	a->field = column_text(q, 0);
	a->item = column_text(q, 1);
	a->col = column_text(q, 2);
	store_column_value(q, 3, &a->value);
}

static void item_row(sqlite3_stmt *q, void *out)
{
	struct store_item *it = out;
	store_column_id(q, 0, it->id);
	it->field = column_text(q, 1);
	it->ord = sqlite3_column_int(q, 2);
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
	enum kaigi_status s = store_get_id(st, head, record_id, record_head_row, out,
					   "reading a record", N_("no record %s"), err);
	if (s != KAIGI_OK)
		return s;
	out->schema = st->forms ? schema_form_find(st->forms, out->form) : NULL;
	s = store_list_id(st, ans, record_id, &out->answers, &out->nanswers, sizeof *out->answers,
			  answer_row, "reading a record", err);
	if (s != KAIGI_OK) {
		store_record_clear(out);
		return s;
	}
	index_answers(out);
	s = store_list_id(st, items, record_id, &out->items, &out->nitems, sizeof *out->items,
			  item_row, "reading a record", err);
	if (s != KAIGI_OK)
		store_record_clear(out);
	return s;
}

const struct kaigi_value *store_record_value(const struct store_record *r,
					     const struct store_path *path)
{
	const char *item = path->item ? path->item : "";
	const char *col = path->col ? path->col : "";
	if (r->by_key) {
		size_t at = lower_bound(r, path->field, item, col);
		if (at < r->nanswers &&
		    key_cmp(&r->answers[r->by_key[at]], path->field, item, col) == 0)
			return &r->answers[r->by_key[at]].value;
		return NULL;
	}
	for (size_t i = 0; i < r->nanswers; i++) {
		const struct store_answer *a = &r->answers[i];
		if (strcmp(a->field, path->field) == 0 && strcmp(a->item, item) == 0 &&
		    strcmp(a->col, col) == 0)
			return &a->value;
	}
	return NULL;
}

static void record_ref_clear(struct store_record_ref *e)
{
	store_cols_clear(store_record_ref_cols, e);
}

void store_record_list_free(struct store_record_list *l)
{
	STORE_LIST_FREE(l, record_ref_clear);
}

enum kaigi_status store_record_list(struct store *st, const char *meeting_id, const char *case_id,
				    struct store_record_list *out, struct kaigi_error *err)
{
	static const char sql[] = "SELECT id, form FROM form_record WHERE meeting_id = ?1 AND "
				  "ifnull(case_id, '') = ifnull(?2, '') ORDER BY form, id";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *q = store_query(st, sql, err, "tn", meeting_id, case_id);
	return STORE_LIST_COLS(st, q, out, store_record_ref_cols, NULL, "listing records", err);
}
